#pragma once
// An A4 PDF drawn with cairo, its text laid out by pango in TrueType Chinese faces (pdf_document.cpp says
// which, and why not Noto CJK). Every page carries the archive's frame: the county's name and the
// document's title at its head, the print time and the page number at its foot. Content is placed at a cursor
// that moves down the page; what does not fit starts the next page. cairo hands each page to the sink as it is
// finished, so a long document is never held whole by the drawing as well as by its reader.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace fupin::server::documents {

enum class page_orientation { portrait, landscape };
enum class text_align { left, center, right };

struct text_style {
    double size = 10;  // points
    bool bold = false;
    text_align align = text_align::left;
};

// What the head and foot of every page say.
struct page_frame {
    std::string county_name;  // 青峰县
    std::string title;        // the document's
    std::string printed_at;   // "打印时间：2026-12-07 09:30"
    std::string page_format;  // "第 {} 页": {} becomes the page's number
};

class pdf_document {
public:
    // Called with each piece of the file in order; may throw (the document then fails as a whole).
    using sink = std::function<void(std::string_view bytes)>;

    pdf_document(sink out, page_frame frame, page_orientation orientation = page_orientation::portrait);
    ~pdf_document();
    pdf_document(const pdf_document&) = delete;
    pdf_document& operator=(const pdf_document&) = delete;

    double left() const;           // x of the left margin
    double content_width() const;  // points between the margins
    double cursor() const;         // y where the next content goes
    double space_left() const;     // points from the cursor down to the foot
    bool page_is_empty() const;    // nothing drawn under the head yet
    int page_number() const;

    void advance(double points);
    // The next page, with its frame.
    void new_page();
    // new_page() unless `points` fit under the cursor (or the page is still empty: it would not fit anywhere).
    void ensure_space(double points);

    // The height `text` takes laid out `width` points wide: lines are broken between words and, in Chinese,
    // between any two characters; '\n' starts a new line.
    double text_height(std::string_view text, double width, const text_style& style) const;
    // Draws `text` in a box `width` wide whose top left is (x, y); returns its height.
    double draw_text(double x, double y, double width, std::string_view text, const text_style& style);
    // `text` across the content width at the cursor (on the next page if it does not fit here); the cursor
    // moves below it and `space_after` further.
    void paragraph(std::string_view text, const text_style& style, double space_after = 4);

    void stroke_rectangle(double x, double y, double width, double height, double line_width = 0.6);
    // Filled in grey (0 black … 1 white), no border.
    void fill_rectangle(double x, double y, double width, double height, double grey);

    // Ends the last page and writes the rest of the file; throws std::runtime_error if cairo or the sink failed.
    void finish();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace fupin::server::documents
