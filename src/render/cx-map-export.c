/* cx-map-export.c — the whole map as a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page: the title block at the top, the whole map with its lane
 * names, the legend at the bottom, drawn by the same code as the window.
 * A PDF page larger than 200 inches a side is more than Acrobat and many
 * viewers take, so a map wider or taller than that is cut the way it is
 * printed (cx-map-pages.c): between columns, and lanes if it must, each
 * page with the lane names at its left, the title block heading the
 * first and the legend ending the last. Each page draws only its own
 * columns, so the work stays in proportion to the map, however long.
 *
 * The file is written through g_file_replace(), so a failed export leaves
 * whatever was there before untouched. Safe to call from a worker thread.
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cx-map-private.h"

/* cairo's image surfaces stop at 32767 pixels a side; and a picture of a
 * gigabyte helps nobody */
#define MAX_PNG_SIDE   32767
#define MAX_PNG_PIXELS (G_GUINT64_CONSTANT (1) << 28)

/* Below this the legend's groups would wrap into a tall column */
#define MIN_PAGE_WIDTH 960.0

G_DEFINE_QUARK (cx-export-error-quark, cx_export_error)

/**
 * cx_export_format_from_path:
 * @path: a file name
 * @format: (out): the format its ending names
 *
 * Returns: %TRUE if @path ends in .png, .svg or .pdf (in any case)
 */
gboolean
cx_export_format_from_path (const char     *path,
                            CxExportFormat *format)
{
  static const struct { const char *suffix; CxExportFormat format; } endings[] = {
    { ".png", CX_EXPORT_PNG },
    { ".svg", CX_EXPORT_SVG },
    { ".pdf", CX_EXPORT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      if (g_str_has_suffix (lower, endings[i].suffix))
        {
          if (format != NULL)
            *format = endings[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  CxMapLayout      *layout;
  const CxMapTheme *theme;
  double            width;         /* of the page, in map units */
  double            height;
  double            title_height;
  double            map_width;
  double            map_height;
} Page;

static void
page_init (Page                  *page,
           CxMapLayout           *layout,
           const CxExportOptions *options)
{
  page->layout = layout;
  page->theme = cx_map_theme_get_for ((options->dark ? CX_MAP_STYLE_DARK : CX_MAP_STYLE_LIGHT)
                                      | (options->high_contrast ? CX_MAP_STYLE_HIGH_CONTRAST
                                                                : 0));
  cx_map_layout_get_size (layout, &page->map_width, &page->map_height);
  page->width = MAX (page->map_width, MIN_PAGE_WIDTH);
  page->title_height = cx_map_render_title_block (layout, NULL, page->width, page->theme);
  page->height = page->title_height + page->map_height
                 + cx_map_render_legend (layout, NULL, page->width, page->theme);
}

static void
page_draw (const Page *page,
           cairo_t    *cr,
           double      scale)
{
  cairo_rectangle_t map = { 0, 0, page->map_width, page->map_height };
  CxMapRenderOptions options = {
    .theme = page->theme,
    .selected = NULL,
    .zoom = scale,
  };

  cairo_scale (cr, scale, scale);
  cx_set_color (cr, &page->theme->background);
  cairo_paint (cr);

  cairo_save (cr);
  cx_map_render_title_block (page->layout, cr, page->width, page->theme);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, 0, page->title_height);
  cx_map_render (page->layout, cr, &map, &options);
  cx_map_render_lane_headers (page->layout, cr, &map, &options);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, 0, page->title_height + page->map_height);
  cx_map_render_legend (page->layout, cr, page->width, page->theme);
  cairo_restore (cr);
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  CxPlan          *plan)
{
  if (cx_plan_get_title (plan) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, cx_plan_get_title (plan));
  if (cx_plan_get_author (plan) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    cx_plan_get_author (plan));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CX Planner");
}

static gboolean
set_failed (GError     **error,
            const char  *path,
            const char  *reason)
{
  g_set_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_FAILED,
               _("Could not export the map to “%s”: %s"), path, reason);
  return FALSE;
}

static gboolean
check_png_size (const char  *path,
                double       width,
                double       height,
                GError     **error)
{
  if (width <= MAX_PNG_SIDE && height <= MAX_PNG_SIDE
      && (guint64) width * (guint64) height <= MAX_PNG_PIXELS)
    return TRUE;

  g_set_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_TOO_LARGE,
               _("The map is too large for a PNG image (%.0f × %.0f pixels) and was not "
                 "exported to “%s”: use a smaller scale, export one phase at a time, or "
                 "export to SVG or PDF"),
               width, height, path);
  return FALSE;
}

/* Draws the page onto a surface of @format that writes into @sink */
static cairo_status_t
draw_to_sink (const Page     *page,
              CxExportFormat  format,
              double          scale,
              Sink           *sink)
{
  double width = ceil (page->width * scale);
  double height = ceil (page->height * scale);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case CX_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
      break;

    case CX_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_sink, sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;

    case CX_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, width, height);
      set_pdf_metadata (surface, page->layout->plan);
      break;
    }

  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return status;
    }

  cr = cairo_create (surface);
  page_draw (page, cr, scale);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == CX_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_sink, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/* ------------------------------------------------------------------ */
/* A PDF over several pages                                            */

static gboolean
page_fits_pdf (const Page *page,
               double      scale)
{
  return ceil (page->width * scale) <= CX_MAP_PDF_MAX_SIDE
         && ceil (page->height * scale) <= CX_MAP_PDF_MAX_SIDE;
}

static gboolean
check_pdf_scale (const char  *path,
                 double       scale,
                 GError     **error)
{
  if (CX_MAP_PDF_MAX_SIDE / scale >= CX_MAP_PDF_MIN_SIDE)
    return TRUE;

  g_set_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_TOO_LARGE,
               _("At scale %g a step of the map does not fit on a PDF page, and the map was "
                 "not exported to “%s”: use a scale of at most %g"),
               scale, path, floor (CX_MAP_PDF_MAX_SIDE / CX_MAP_PDF_MIN_SIDE));
  return FALSE;
}

/* Pages are as large as what they show, but no narrower than the legend
 * needs to stay in a few rows */
static void
size_page (CxMapExportPage *page,
           double           content_width,
           double           side,
           double           scale)
{
  page->width = MAX (content_width, MIN (MIN_PAGE_WIDTH, side));
  page->width_pt = MIN (ceil (page->width * scale), CX_MAP_PDF_MAX_SIDE);
  page->height_pt = MIN (ceil (page->height * scale), CX_MAP_PDF_MAX_SIDE);
}

/**
 * cx_map_export_paginate_pdf:
 * @layout: a #CxMapLayout
 * @theme: the theme the title block and legend are measured in
 * @scale: points a map unit, at most %CX_MAP_PDF_MAX_SIDE /
 *   %CX_MAP_PDF_MIN_SIDE
 *
 * Cuts the map into PDF pages of at most %CX_MAP_PDF_MAX_SIDE points a
 * side, as cx_map_layout_paginate_columns() and _bands() cut it, taken
 * across first, then down. The title block heads the first page and the
 * legend ends the last, or has a page of its own when it does not fit.
 *
 * Returns: (transfer full) (element-type CxMapExportPage): the pages
 */
GArray *
cx_map_export_paginate_pdf (CxMapLayout      *layout,
                            const CxMapTheme *theme,
                            double            scale)
{
  double side = CX_MAP_PDF_MAX_SIDE / scale;
  double header_width;
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GArray) bands = NULL;
  CxMapExportPage *last;
  CxMapExportPage first_page = { 0, };
  const CxMapSpan *first;
  double title_height, legend_height;
  GArray *pages;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (side >= CX_MAP_PDF_MIN_SIDE, NULL);

  header_width = cx_map_layout_get_header_width (layout);

  /* A span runs on past its room over the gap after its last column,
   * recovery's the widest; a band over the room for a blueprint line
   * above the next lane: leave room for both, so that no page is larger
   * than the limit and nothing is cut off at its edge */
  columns = cx_map_layout_paginate_columns (layout,
                                            side - header_width - CX_MAP_RECOVERY_GAP);
  first = &g_array_index (columns, CxMapSpan, 0);
  size_page (&first_page, header_width + first->end - first->start, side, scale);
  title_height = cx_map_render_title_block (layout, NULL, first_page.width, theme);
  bands = cx_map_layout_paginate_bands (layout, side - title_height - CX_MAP_LINE_GAP,
                                        side - CX_MAP_LINE_GAP);

  pages = g_array_sized_new (FALSE, TRUE, sizeof (CxMapExportPage),
                             columns->len * bands->len + 1);
  for (guint b = 0; b < bands->len; b++)
    for (guint c = 0; c < columns->len; c++)
      {
        CxMapExportPage page = { 0, };

        page.shows_map = TRUE;
        page.column = g_array_index (columns, CxMapSpan, c);
        page.band = g_array_index (bands, CxMapSpan, b);
        page.title_height = b == 0 && c == 0 ? title_height : 0;
        page.legend_y = -1;
        page.height = page.title_height + page.band.end - page.band.start;
        size_page (&page, header_width + page.column.end - page.column.start, side, scale);
        g_array_append_val (pages, page);
      }

  /* The legend under the last columns if it fits there */
  last = &g_array_index (pages, CxMapExportPage, pages->len - 1);
  legend_height = cx_map_render_legend (layout, NULL, last->width, theme);
  if (last->height + legend_height <= side)
    {
      last->legend_y = last->height;
      last->height += legend_height;
      size_page (last, last->width, side, scale);
    }
  else
    {
      CxMapExportPage page = { 0, };

      page.legend_y = 0;
      page.height = MIN (legend_height, side);
      size_page (&page, last->width, side, scale);
      g_array_append_val (pages, page);
    }

  g_debug ("PDF at %.2f: %u columns, %u bands, %u pages", scale, columns->len, bands->len,
           pages->len);
  return pages;
}

static void
draw_pdf_page (CxMapLayout           *layout,
               const CxMapTheme      *theme,
               const CxMapExportPage *page,
               cairo_t               *cr,
               double                 scale)
{
  CxMapRenderOptions options = { .theme = theme, .selected = NULL, .zoom = scale };

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cx_set_color (cr, &theme->background);
  cairo_paint (cr);

  if (page->title_height > 0)
    {
      cairo_save (cr);
      cx_map_render_title_block (layout, cr, page->width, theme);
      cairo_restore (cr);
    }

  if (page->shows_map)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, page->title_height);
      cx_map_render_page (layout, cr, &page->column, &page->band, &options);
      cairo_restore (cr);
    }

  if (page->legend_y >= 0)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, page->legend_y);
      cx_map_render_legend (layout, cr, page->width, theme);
      cairo_restore (cr);
    }

  cairo_restore (cr);
  cairo_show_page (cr);
}

/* Draws @pages, one by one, onto a PDF surface that writes into @sink */
static cairo_status_t
draw_pdf_pages_to_sink (CxMapLayout      *layout,
                        const CxMapTheme *theme,
                        GArray           *pages,
                        double            scale,
                        Sink             *sink)
{
  const CxMapExportPage *first = &g_array_index (pages, CxMapExportPage, 0);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, first->width_pt,
                                                 first->height_pt);
  set_pdf_metadata (surface, layout->plan);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return status;
    }

  cr = cairo_create (surface);
  for (guint i = 0; i < pages->len && sink->error == NULL; i++)
    {
      const CxMapExportPage *page = &g_array_index (pages, CxMapExportPage, i);

      cairo_pdf_surface_set_size (surface, page->width_pt, page->height_pt);
      draw_pdf_page (layout, theme, page, cr, scale);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        break;
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * cx_map_export:
 * @plan: a #CxPlan
 * @findings: (element-type CxFinding) (nullable): from cx_check_plan()
 * @path: the file to write
 * @format: PNG, SVG or PDF
 * @options: (nullable): scale, phase, style (dark, high contrast); %NULL:
 *   the whole map at scale 1 in the light style
 * @error: a #GError, or %NULL
 *
 * Writes the whole map (or one phase of it) with a title block and a
 * legend to @path: one page of SVG, one PNG image, or a PDF of one page
 * when that is at most 14,400 points (200 inches) a side, else of as many
 * as it takes, cut between step columns and repeating the lane names. A
 * PNG is refused with %CX_EXPORT_ERROR_TOO_LARGE past 32767 pixels a side,
 * a PDF at a scale where a step would not fit on a page. The file is
 * replaced only once the export succeeded.
 *
 * Returns: %TRUE on success; else @error says why, naming the file
 */
gboolean
cx_map_export (CxPlan                *plan,
               GPtrArray             *findings,
               const char            *path,
               CxExportFormat         format,
               const CxExportOptions *options,
               GError               **error)
{
  CxExportOptions defaults = { .scale = 1.0, .phase = -1, .dark = FALSE,
                               .high_contrast = FALSE };
  CxMapLayoutOptions layout_options = { .phase = -1, .font_family = NULL };
  g_autoptr(CxMapLayout) layout = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) pdf_pages = NULL;
  cairo_status_t status;
  Sink sink = { NULL, NULL };
  Page page;

  g_return_val_if_fail (CX_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  g_return_val_if_fail (options->scale > 0 && isfinite (options->scale), FALSE);
  g_return_val_if_fail (options->phase >= -1 && options->phase < CX_N_PHASES, FALSE);

  if (format != CX_EXPORT_PNG && format != CX_EXPORT_SVG && format != CX_EXPORT_PDF)
    {
      g_set_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_FORMAT,
                   _("Could not export the map to “%s”: unknown format; use PNG, SVG or PDF"),
                   path);
      return FALSE;
    }

  layout_options.phase = options->phase;
  layout = cx_map_layout_new (plan, findings, &layout_options);
  page_init (&page, layout, options);

  if (format == CX_EXPORT_PNG
      && !check_png_size (path, ceil (page.width * options->scale),
                          ceil (page.height * options->scale), error))
    return FALSE;

  if (format == CX_EXPORT_PDF && !page_fits_pdf (&page, options->scale))
    {
      if (!check_pdf_scale (path, options->scale, error))
        return FALSE;
      pdf_pages = cx_map_export_paginate_pdf (layout, page.theme, options->scale);
    }

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                           &local_error);
  if (stream == NULL)
    return set_failed (error, path, local_error->message);

  sink.stream = G_OUTPUT_STREAM (stream);
  if (pdf_pages != NULL)
    status = draw_pdf_pages_to_sink (layout, page.theme, pdf_pages, options->scale, &sink);
  else
    status = draw_to_sink (&page, format, options->scale, &sink);

  if (sink.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      /* closing a replace stream through a cancelled cancellable drops
       * the new file and keeps the old one */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);

      if (sink.error != NULL)
        {
          set_failed (error, path, sink.error->message);
          g_clear_error (&sink.error);
          return FALSE;
        }
      if (status == CAIRO_STATUS_NO_MEMORY)
        return set_failed (error, path, _("there is not enough memory for an image this large"));
      return set_failed (error, path, cairo_status_to_string (status));
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    return set_failed (error, path, local_error->message);

  return TRUE;
}
