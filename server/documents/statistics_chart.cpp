#include "server/documents/statistics_chart.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <iterator>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <string>

#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include "common/display_text.hpp"
#include "common/vocabulary.hpp"

namespace fupin::server::documents {
namespace {

using common::in;
using common::language;

constexpr double width = 960;
constexpr double height = 600;
// The same faces as the printed documents (pdf_document.cpp says why these).
constexpr const char* font_family = "WenQuanYi Micro Hei, HanaMinA, HanaMinB";

// Colours told apart in print and by most colour-blind readers (Okabe and Ito's palette).
constexpr double palette[][3]{{0.00, 0.45, 0.70}, {0.90, 0.62, 0.00}, {0.00, 0.62, 0.45}, {0.80, 0.47, 0.65},
                              {0.34, 0.71, 0.91}, {0.84, 0.37, 0.00}, {0.94, 0.89, 0.26}, {0.40, 0.40, 0.40}};

struct writer {
    const std::function<void(std::string_view)>* out;
    std::exception_ptr error;

    static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length) {
        auto* self = static_cast<writer*>(closure);
        try {
            (*self->out)(std::string_view(reinterpret_cast<const char*>(data), length));
            return CAIRO_STATUS_SUCCESS;
        } catch (...) {
            self->error = std::current_exception();
            return CAIRO_STATUS_WRITE_ERROR;
        }
    }
};

// Text at (x, y) in a box `w` wide; returns its height.
double text(cairo_t* cr, double x, double y, double w, const std::string& s, double size, bool bold,
            PangoAlignment align) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string(font_family);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>(w * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align);
    pango_layout_set_text(layout, s.data(), static_cast<int>(s.size()));
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    int pw = 0, ph = 0;
    pango_layout_get_size(layout, &pw, &ph);
    pango_font_description_free(font);
    g_object_unref(layout);
    return static_cast<double>(ph) / PANGO_SCALE;
}

void bars(cairo_t* cr, const common::statistics_report& r, language lang) {
    text(cr, 0, 20, width, fmt::format(fmt::runtime(in(lang, "{} 各{}扶贫对象户数", "{}: households by {}")), r.area_name,
                                       r.area_level == "county"     ? in(lang, "乡镇", "township")
                                       : r.area_level == "township" ? in(lang, "村", "village")
                                                                    : in(lang, "组", "group")),
         20, true, PANGO_ALIGN_CENTER);
    std::vector<const common::area_tally*> items;
    for (std::size_t i = 1; i < r.areas.size(); ++i) items.push_back(&r.areas[i]);
    const double left = 70, right = width - 30, top = 80, bottom = height - 90;
    std::int64_t most = 1;
    for (const auto* a : items) most = std::max(most, a->all.households);
    // A round scale: 1, 2 or 5 times a power of ten per step, about five steps.
    const double raw_step = static_cast<double>(most) / 5;
    const double power = std::pow(10, std::floor(std::log10(std::max(raw_step, 1.0))));
    double step = power;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw_step) {
            step = m * power;
            break;
        }
    const double top_value = std::ceil(static_cast<double>(most) / step) * step;
    cairo_set_line_width(cr, 1);
    for (double v = 0; v <= top_value + step / 2; v += step) {
        const double y = bottom - (bottom - top) * v / top_value;
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_move_to(cr, left, y);
        cairo_line_to(cr, right, y);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        text(cr, 0, y - 8, left - 8, fmt::format("{:.0f}", v), 11, false, PANGO_ALIGN_RIGHT);
    }
    if (items.empty()) return;
    const double slot = (right - left) / static_cast<double>(items.size());
    const double bar = std::min(slot * 0.6, 60.0);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
        const double h = (bottom - top) * static_cast<double>(items[i]->all.households) / top_value;
        cairo_set_source_rgb(cr, palette[0][0], palette[0][1], palette[0][2]);
        cairo_rectangle(cr, x, bottom - h, bar, h);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        text(cr, x - 10, bottom - h - 18, bar + 20, std::to_string(items[i]->all.households), 11, false,
             PANGO_ALIGN_CENTER);
        text(cr, left + slot * static_cast<double>(i), bottom + 6, slot, items[i]->name, items.size() > 12 ? 9 : 12, false,
             PANGO_ALIGN_CENTER);
    }
}

void pie(cairo_t* cr, const common::statistics_report& r, language lang) {
    text(cr, 0, 20, width, fmt::format(fmt::runtime(in(lang, "{} 扶贫对象主要致贫原因", "{}: households by main cause")),
                                       r.area_name),
         20, true, PANGO_ALIGN_CENTER);
    std::vector<const common::keyed_tally*> items;
    std::int64_t total = 0;
    for (const auto& k : r.by_main_cause)
        if (k.count.households > 0) {
            items.push_back(&k);
            total += k.count.households;
        }
    std::sort(items.begin(), items.end(),
              [](const auto* a, const auto* b) { return a->count.households > b->count.households; });
    // Seven causes in colours of their own; the rest together in grey, so no two slices share a colour.
    constexpr std::size_t coloured = std::size(palette) - 1;
    common::keyed_tally rest{"", {}};
    while (items.size() > coloured + 1) {
        rest.count.households += items.back()->count.households;
        rest.count.people += items.back()->count.people;
        items.pop_back();
    }
    if (items.size() == coloured + 1) {
        rest.count.households += items.back()->count.households;
        rest.count.people += items.back()->count.people;
        items.pop_back();
    }
    if (rest.count.households > 0) items.push_back(&rest);
    if (total == 0) {
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        text(cr, 0, height / 2, width, in(lang, "（暂无户）", "(no households)"), 16, false, PANGO_ALIGN_CENTER);
        return;
    }
    const double cx = 300, cy = 330, radius = 210;
    double angle = -std::numbers::pi / 2;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const double sweep = 2 * std::numbers::pi * static_cast<double>(items[i]->count.households) / static_cast<double>(total);
        const auto* c = items[i]->key.empty() ? palette[std::size(palette) - 1] : palette[i];
        cairo_set_source_rgb(cr, c[0], c[1], c[2]);
        cairo_move_to(cr, cx, cy);
        cairo_arc(cr, cx, cy, radius, angle, angle + sweep);
        cairo_close_path(cr);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, 1.5);
        cairo_stroke(cr);
        angle += sweep;
        // The legend: colour, cause, households and share.
        const double ly = 110 + 32 * static_cast<double>(i);
        cairo_set_source_rgb(cr, c[0], c[1], c[2]);
        cairo_rectangle(cr, 580, ly + 2, 18, 18);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        text(cr, 608, ly, 340,
             fmt::format(fmt::runtime(in(lang, "{}　{} 户（{:.1f}%）", "{}  {} households ({:.1f}%)")),
                         items[i]->key.empty() ? std::string(in(lang, "其他原因", "other causes"))
                                               : common::label_or_code(common::vocabulary::poverty_causes, items[i]->key, lang),
                         items[i]->count.households,
                         100.0 * static_cast<double>(items[i]->count.households) / static_cast<double>(total)),
             14, false, PANGO_ALIGN_LEFT);
    }
}

}  // namespace

void draw_statistics_chart(const common::statistics_report& r, chart_kind kind, chart_format format, language lang,
                           const std::function<void(std::string_view)>& out) {
    writer w{&out, nullptr};
    // Owned, so an exception while drawing (a label's formatting) frees them.
    const std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        format == chart_format::svg
            ? cairo_svg_surface_create_for_stream(&writer::write, &w, width, height)
            : cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(width), static_cast<int>(height)),
        &cairo_surface_destroy);
    {
        const std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_set_source_rgb(cr.get(), 0.1, 0.1, 0.1);
        if (kind == chart_kind::areas) bars(cr.get(), r, lang);
        else pie(cr.get(), r, lang);
    }
    cairo_status_t status = CAIRO_STATUS_SUCCESS;
    if (format == chart_format::png) status = cairo_surface_write_to_png_stream(surface.get(), &writer::write, &w);
    cairo_surface_finish(surface.get());
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface.get());
    if (w.error) std::rethrow_exception(w.error);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("chart drawing failed: ") + cairo_status_to_string(status));
}

}  // namespace fupin::server::documents
