#include "server/documents/pdf_document.hpp"

#include <exception>
#include <stdexcept>
#include <string>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

namespace fupin::server::documents {
namespace {

// A4 in points (1/72 inch), as cairo's PDF surface measures.
constexpr double a4_short = 595.276;
constexpr double a4_long = 841.89;
// 15 mm at the sides leaves room for the binding holes of a register's folder.
constexpr double side_margin = 42.5;
constexpr double head_top = 24;       // the head's text
constexpr double content_top = 52;    // below the head's rule
constexpr double foot_height = 40;    // from the foot's rule to the paper's edge
constexpr double frame_text_size = 8;
// TrueType faces only: cairo 1.16 (Debian 12) embeds CFF-based OpenType faces such as Noto Sans CJK through a
// subsetter that, for some sets of characters, writes a glyph empty (公示期内如有异议 loses its 如 in every
// viewer), while its TrueType subsetter is sound. WenQuanYi Micro Hei carries simplified Chinese; HanaMin A and
// B the rare characters of names (Extension A to F) that it lacks. docs/documents.md says more.
constexpr const char* font_family = "WenQuanYi Micro Hei, HanaMinA, HanaMinB";

}  // namespace

struct pdf_document::impl {
    pdf_document::sink out;
    std::exception_ptr sink_error;
    page_frame frame;
    double width = a4_short;
    double height = a4_long;
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    PangoLayout* layout = nullptr;
    PangoFontDescription* font = nullptr;
    double y = content_top;
    int page = 1;
    bool finished = false;

    static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length) {
        auto* self = static_cast<impl*>(closure);
        if (self->sink_error) return CAIRO_STATUS_WRITE_ERROR;
        try {
            self->out(std::string_view(reinterpret_cast<const char*>(data), length));
            return CAIRO_STATUS_SUCCESS;
        } catch (...) {
            self->sink_error = std::current_exception();
            return CAIRO_STATUS_WRITE_ERROR;
        }
    }

    // The layout set up for `text` in `style`, `w` points wide.
    PangoLayout* lay_out(std::string_view text, double w, const text_style& style) {
        pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout, font);
        pango_layout_set_width(layout, static_cast<int>(w * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout, style.align == text_align::center  ? PANGO_ALIGN_CENTER
                                           : style.align == text_align::right ? PANGO_ALIGN_RIGHT
                                                                              : PANGO_ALIGN_LEFT);
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
        return layout;
    }

    double height_of(PangoLayout* l) const {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    double draw(double x, double top, double w, std::string_view text, const text_style& style) {
        auto* l = lay_out(text, w, style);
        cairo_move_to(cr, x, top);
        pango_cairo_show_layout(cr, l);
        return height_of(l);
    }

    void draw_head() {
        const double w = width - 2 * side_margin;
        cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
        draw(side_margin, head_top, w, frame.county_name, {frame_text_size, false, text_align::left});
        draw(side_margin, head_top, w, frame.title, {frame_text_size, false, text_align::right});
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, side_margin, content_top - 8);
        cairo_line_to(cr, width - side_margin, content_top - 8);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        y = content_top;
    }

    void draw_foot() {
        const double w = width - 2 * side_margin;
        const double rule = height - foot_height;
        cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, side_margin, rule);
        cairo_line_to(cr, width - side_margin, rule);
        cairo_stroke(cr);
        draw(side_margin, rule + 6, w, frame.printed_at, {frame_text_size, false, text_align::left});
        draw(side_margin, rule + 6, w, fmt::format(fmt::runtime(frame.page_format), page),
             {frame_text_size, false, text_align::center});
        cairo_set_source_rgb(cr, 0, 0, 0);
    }

    void check() const {
        if (sink_error) std::rethrow_exception(sink_error);
        if (const auto status = cairo_surface_status(surface); status != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("PDF drawing failed: ") + cairo_status_to_string(status));
        if (const auto status = cairo_status(cr); status != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("PDF drawing failed: ") + cairo_status_to_string(status));
    }

    ~impl() {
        // A document abandoned part way (an exception): cairo finishes it as it is destroyed, and its writes
        // stop at once instead of going on into a file nobody keeps.
        if (!finished && !sink_error) sink_error = std::make_exception_ptr(std::runtime_error("document abandoned"));
        if (font) pango_font_description_free(font);
        if (layout) g_object_unref(layout);
        if (cr) cairo_destroy(cr);
        if (surface) cairo_surface_destroy(surface);
    }
};

pdf_document::pdf_document(sink out, page_frame frame, page_orientation orientation) : impl_(std::make_unique<impl>()) {
    auto& d = *impl_;
    d.out = std::move(out);
    d.frame = std::move(frame);
    if (orientation == page_orientation::landscape) std::swap(d.width, d.height);
    d.surface = cairo_pdf_surface_create_for_stream(&impl::write, &d, d.width, d.height);
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_TITLE, d.frame.title.c_str());
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR, "fupin-archive county-server");
    d.cr = cairo_create(d.surface);
    d.layout = pango_cairo_create_layout(d.cr);
    d.font = pango_font_description_from_string(font_family);
    d.check();
    d.draw_head();
}

pdf_document::~pdf_document() = default;

double pdf_document::left() const { return side_margin; }
double pdf_document::content_width() const { return impl_->width - 2 * side_margin; }
double pdf_document::cursor() const { return impl_->y; }
double pdf_document::space_left() const { return impl_->height - foot_height - 6 - impl_->y; }
bool pdf_document::page_is_empty() const { return impl_->y <= content_top; }
int pdf_document::page_number() const { return impl_->page; }

void pdf_document::advance(double points) { impl_->y += points; }

void pdf_document::new_page() {
    auto& d = *impl_;
    d.draw_foot();
    cairo_show_page(d.cr);
    d.check();
    ++d.page;
    d.draw_head();
}

void pdf_document::ensure_space(double points) {
    if (points > space_left() && !page_is_empty()) new_page();
}

double pdf_document::text_height(std::string_view text, double width, const text_style& style) const {
    return impl_->height_of(impl_->lay_out(text, width, style));
}

double pdf_document::draw_text(double x, double y, double width, std::string_view text, const text_style& style) {
    return impl_->draw(x, y, width, text, style);
}

void pdf_document::paragraph(std::string_view text, const text_style& style, double space_after) {
    ensure_space(text_height(text, content_width(), style));
    impl_->y += draw_text(left(), impl_->y, content_width(), text, style) + space_after;
}

void pdf_document::stroke_rectangle(double x, double y, double width, double height, double line_width) {
    cairo_set_line_width(impl_->cr, line_width);
    cairo_rectangle(impl_->cr, x, y, width, height);
    cairo_stroke(impl_->cr);
}

void pdf_document::fill_rectangle(double x, double y, double width, double height, double grey) {
    cairo_set_source_rgb(impl_->cr, grey, grey, grey);
    cairo_rectangle(impl_->cr, x, y, width, height);
    cairo_fill(impl_->cr);
    cairo_set_source_rgb(impl_->cr, 0, 0, 0);
}

void pdf_document::finish() {
    auto& d = *impl_;
    if (d.finished) return;
    d.finished = true;
    d.draw_foot();
    cairo_show_page(d.cr);
    cairo_surface_finish(d.surface);
    d.check();
}

}  // namespace fupin::server::documents
