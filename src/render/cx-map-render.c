/* cx-map-render.c — drawing the journey map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid: phase bands, step header cards, lane rows with their cells,
 * the lines of a service blueprint and the recovery boundary. Only the
 * columns that meet the area asked for are drawn, so a frame costs the
 * same on a 10-step plan and a 10,000-step one. The charts (emotion,
 * expectation) and the failures row are in cx-map-render-charts.c, the
 * lane-name column and the corner in cx-map-render-headers.c.
 *
 * Zoomed out below a legible size, text is left out and the map becomes a
 * heat strip: cards, curve, gap spans and badges, the badges kept at a
 * size the eye can find.
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cx-map-private.h"

#define CARD_RADIUS 8.0
#define CELL_INSET  6.0
#define PAD        12.0

const CxMapTheme *
cx_map_options_theme (const CxMapRenderOptions *options)
{
  if (options != NULL && options->theme != NULL)
    return options->theme;
  return cx_map_theme_get (FALSE);
}

double
cx_map_options_zoom (const CxMapRenderOptions *options)
{
  return options != NULL && options->zoom > 0 ? options->zoom : 1.0;
}

/* Dashed, as blueprints draw them; solid in high contrast, where the
 * captions say which line is which */
void
cx_map_set_blueprint_line_style (cairo_t          *cr,
                                 const CxMapTheme *theme)
{
  static const double dashes[] = { 7, 4 };

  cx_set_color (cr, &theme->line);
  cairo_set_line_width (cr, cx_map_theme_line_width (theme, 1.2));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cx_map_set_dash (cr, theme, dashes, G_N_ELEMENTS (dashes), FALSE);
}

static double
columns_bottom (CxMapLayout *layout)
{
  return layout->failures_y + layout->failures_height;
}

/* ------------------------------------------------------------------ */
/* Rows: shades, grid lines, blueprint lines                           */

static void
render_rows (CxMapLayout  *layout,
             CxMapPainter *painter,
             double        x0,
             double        x1)
{
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  CxColor shade = cx_map_theme_row_shade (theme);

  x0 = MAX (x0, layout->header_width);
  if (x0 >= x1)
    return;

  cairo_save (cr);
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const CxMapRow *row = &g_array_index (layout->rows, CxMapRow, i);

      if (!cx_lane_kind_holds_text (row->kind))
        {
          cx_set_color (cr, &shade);
          cairo_rectangle (cr, x0, row->y, x1 - x0, row->height);
          cairo_fill (cr);
        }

      if (row->line_above != CX_MAP_LINE_NONE)
        {
          double y = row->y - CX_MAP_LINE_GAP / 2;

          /* dashes anchored to the map, not to the area: they must not
           * crawl as the view scrolls */
          cx_map_set_blueprint_line_style (cr, theme);
          cairo_move_to (cr, floor (x0 / 11) * 11, y);
          cairo_line_to (cr, x1, y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else if (i > 0)
        {
          cx_set_color (cr, &theme->grid);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, x0, row->y);
          cairo_line_to (cr, x1, row->y);
          cairo_stroke (cr);
        }
    }

  if (layout->failures_height > 0)
    {
      cx_set_color (cr, &theme->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x0, layout->failures_y);
      cairo_line_to (cr, x1, layout->failures_y);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Phase bands and the recovery boundary                               */

static void
render_bands (CxMapLayout  *layout,
              CxMapPainter *painter,
              double        x0,
              double        x1)
{
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      cairo_rectangle_t band, label_box;
      g_autofree char *count = NULL;
      double label_width, count_width, left, right;
      GPtrArray *findings = layout->phase_findings[p];

      if (!cx_map_layout_get_phase_rect (layout, p, &band)
          || band.x > x1 || band.x + band.width < x0)
        continue;

      cx_map_rounded_rect (cr, band.x, band.y, band.width, band.height, 6);
      cx_set_color (cr, &theme->phase[p]);
      cairo_fill (cr);

      /* The label stays in view while a long phase scrolls by: just right
       * of the lane-name column. An area that starts left of the map's
       * columns holds the column (an export); one that starts among them
       * is what is seen beside it (the view, a page). */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps",
                                            layout->phases[p].n_steps),
                               layout->phases[p].n_steps);
      label_width = cx_map_measure_text (painter, cx_map_phase_label (p), CX_MAP_FONT_BAND,
                                         CX_TEXT_BOLD, NULL);
      count_width = cx_map_measure_text (painter, count, CX_MAP_FONT_SMALL, 0, NULL);
      left = MAX (band.x, MAX (x0, layout->header_width)) + PAD;
      right = band.x + band.width - PAD;
      left = MIN (left, right - label_width - count_width - 12
                        - findings->len * 22.0);
      left = MAX (left, band.x + PAD);

      label_box = (cairo_rectangle_t) { left, band.y, right - left, band.height };
      cx_map_draw_text (painter, cx_map_phase_label (p), &label_box, CX_MAP_FONT_BAND,
                        CX_INK_OF (CX_MAP_TEXT_PHASE, p), CX_TEXT_BOLD | CX_TEXT_MIDDLE);
      label_box.x = left + label_width + 10;
      label_box.width = right - label_box.x;
      cx_map_draw_text (painter, count, &label_box, CX_MAP_FONT_SMALL,
                        CX_INK_OF (CX_MAP_TEXT_PHASE, p), CX_TEXT_MIDDLE);

      if (findings->len > 0)
        cx_map_render_finding_badges (painter, findings,
                                      label_box.x + (cx_map_painter_legible (painter,
                                                                             CX_MAP_FONT_SMALL)
                                                     ? count_width + 12 : 0),
                                      band.y + band.height / 2,
                                      right - label_box.x, CX_INK_OF (CX_MAP_TEXT_PHASE, p));

      /* An empty phase keeps a column, so its finding has a place */
      if (layout->phases[p].n_steps == 0)
        {
          static const double dashes[] = { 5, 4 };
          cairo_rectangle_t card = { band.x, layout->head_y, band.width, CX_MAP_STEP_HEIGHT };

          cx_map_rounded_rect (cr, card.x + 0.5, card.y + 0.5, card.width - 1, card.height - 1,
                               CARD_RADIUS);
          cx_set_color (cr, &theme->card_border);
          cairo_set_line_width (cr, cx_map_theme_line_width (theme, 1));
          cx_map_set_dash (cr, theme, dashes, 2, FALSE);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cx_map_draw_text (painter, _("No steps in this phase"), &card, CX_MAP_FONT_SMALL,
                            CX_INK (CX_MAP_TEXT_CANVAS_DIM),
                            CX_TEXT_CENTER | CX_TEXT_MIDDLE | CX_TEXT_ITALIC);
        }
    }
}

/* Recovery is the contingency, not the next stage: a dashed boundary in
 * the gap that sets it apart */
static void
render_recovery_boundary (CxMapLayout  *layout,
                          CxMapPainter *painter)
{
  static const double dashes[] = { 8, 5 };
  cairo_t *cr = painter->cr;
  gboolean main_shown = FALSE;
  double x;

  for (guint p = 0; p < CX_PHASE_RECOVERY; p++)
    main_shown |= layout->phases[p].shown;
  if (!main_shown || !layout->phases[CX_PHASE_RECOVERY].shown)
    return;

  x = layout->phases[CX_PHASE_RECOVERY].x - CX_MAP_RECOVERY_GAP / 2;
  cairo_save (cr);
  cx_set_color (cr, &painter->theme->phase_text[CX_PHASE_RECOVERY]);
  cairo_set_line_width (cr, cx_map_theme_line_width (painter->theme, 1.5));
  cx_map_set_dash (cr, painter->theme, dashes, 2, TRUE);
  cairo_move_to (cr, x, layout->band_y);
  cairo_line_to (cr, x, columns_bottom (layout));
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* A step's column: header card and text cells                         */

static void
render_step_header (CxMapLayout  *layout,
                    CxMapPainter *painter,
                    guint         index,
                    gboolean      selected)
{
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  CxStep *step = g_ptr_array_index (layout->steps, index);
  CxPhase phase = cx_map_layout_step_phase (layout, index);
  CxEvidence evidence = cx_step_get_evidence (step);
  double x = cx_map_layout_step_x (layout, index);
  double y = layout->head_y;
  double w = CX_MAP_COLUMN_WIDTH;
  double h = CX_MAP_STEP_HEIGHT;
  double marks_right = x + w - PAD;
  double mark_radius = 8;
  CxColor fill = evidence == CX_EVIDENCE_PROPOSED ? cx_map_theme_proposed_fill (theme)
                                                   : theme->card;
  CxColor strip = cx_color_mix (&theme->phase[phase], &theme->phase_text[phase], 0.45);
  GPtrArray *findings = g_hash_table_lookup (layout->step_findings, step);
  const char *label = NULL;

  cairo_save (cr);

  cx_map_rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, CARD_RADIUS);
  cx_set_color (cr, &fill);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  cairo_rectangle (cr, x, y, w, 5);
  cx_set_color (cr, &strip);
  cairo_fill (cr);
  cairo_restore (cr);

  cx_map_rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, CARD_RADIUS);
  if (selected)
    {
      cx_set_color (cr, &theme->selection);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, cx_map_theme_line_width (theme, 2.5));
    }
  else if (evidence == CX_EVIDENCE_NONE)
    {
      /* a faint edge, but a firm one in high contrast */
      cx_set_color (cr, theme->high_contrast ? &theme->card_border : &theme->grid);
      cairo_set_line_width (cr, cx_map_theme_line_width (theme, 1));
    }
  else
    {
      cx_set_color (cr, &theme->card_border);
      cx_map_set_evidence_dash (cr, theme, evidence, 1.4);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Top row: channel, owner, marks */
  cx_map_draw_channel (cr, cx_step_get_channel (step), x + PAD, y + 15, 16,
                       &theme->dim_foreground);
  if (cx_step_get_wow (step))
    {
      static const CxColor gold = { 0.898, 0.647, 0.039, 1 };  /* Yellow 5 */

      cx_map_draw_star (cr, marks_right - mark_radius, y + 23, mark_radius, &gold,
                        &theme->foreground);
      marks_right -= 2 * mark_radius + 5;
    }
  if (cx_step_get_moment_of_truth (step))
    {
      cx_map_draw_moment_of_truth (cr, marks_right - mark_radius + 1, y + 23, mark_radius - 1,
                                   &theme->foreground);
      marks_right -= 2 * mark_radius + 5;
    }
  cx_map_draw_text (painter, cx_step_get_owner (step),
                    &(cairo_rectangle_t) { x + PAD + 22, y + 15, marks_right - x - PAD - 24, 16 },
                    CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_CARD_DIM), CX_TEXT_MIDDLE);

  /* Title: three lines, then an ellipsis */
  cx_map_draw_text (painter, cx_step_get_title (step),
                    &(cairo_rectangle_t) { x + PAD, y + 38, w - 2 * PAD, 54 },
                    CX_MAP_FONT_TITLE, CX_INK (CX_MAP_TEXT_CARD), CX_TEXT_BOLD);

  /* Bottom row: findings, and the evidence in words when it is not a fact */
  if (evidence == CX_EVIDENCE_ASSUMED)
    label = C_("evidence", "Assumed");
  else if (evidence == CX_EVIDENCE_PROPOSED)
    label = C_("evidence", "Proposed");
  if (label != NULL)
    cx_map_draw_text (painter, label,
                      &(cairo_rectangle_t) { x + w / 2, y + h - 27, w / 2 - PAD, 18 },
                      CX_MAP_FONT_SMALL, CX_INK (CX_MAP_TEXT_CARD_DIM),
                      CX_TEXT_RIGHT | CX_TEXT_MIDDLE | CX_TEXT_ITALIC);
  if (findings != NULL)
    cx_map_render_finding_badges (painter, findings, x + PAD, y + h - 18,
                                  w - 2 * PAD - (label != NULL ? w / 2 - PAD : 0),
                                  CX_INK (CX_MAP_TEXT_CARD));

  cairo_restore (cr);
}

/* The cells of the column @index in the rows that meet [@y0, @y1] */
static void
render_text_cells (CxMapLayout  *layout,
                   CxMapPainter *painter,
                   guint         index,
                   double        y0,
                   double        y1)
{
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  CxStep *step = g_ptr_array_index (layout->steps, index);
  gboolean proposed = cx_step_get_evidence (step) == CX_EVIDENCE_PROPOSED;
  CxColor fill = proposed ? cx_map_theme_proposed_fill (theme) : theme->card;
  double x = cx_map_layout_step_x (layout, index);

  for (guint i = 0; i < layout->rows->len; i++)
    {
      const CxMapRow *row = &g_array_index (layout->rows, CxMapRow, i);
      cairo_rectangle_t cell = { x, row->y + CELL_INSET, CX_MAP_COLUMN_WIDTH,
                                 row->height - 2 * CELL_INSET };
      const char *text;

      if (!cx_lane_kind_holds_text (row->kind) || row->y > y1 || row->y + row->height < y0)
        continue;
      text = cx_step_lookup_cell (step, cx_lane_get_id (row->lane));
      if (text == NULL)
        continue;

      cx_map_rounded_rect (cr, cell.x + 0.5, cell.y + 0.5, cell.width - 1, cell.height - 1, 6);
      cx_set_color (cr, &fill);
      cairo_fill_preserve (cr);
      cx_set_color (cr, proposed || theme->high_contrast ? &theme->card_border : &theme->grid);
      cx_map_set_evidence_dash (cr, theme, proposed ? CX_EVIDENCE_PROPOSED : CX_EVIDENCE_OBSERVED,
                                1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      cx_map_draw_text (painter, text,
                        &(cairo_rectangle_t) { cell.x + 10, cell.y + 7, cell.width - 20,
                                               cell.height - 14 },
                        CX_MAP_FONT_BODY, CX_INK (CX_MAP_TEXT_CARD), 0);
    }
}

/* The tint behind the selected step's column, when it is among the
 * columns [@first, @last]; returns its index, or -1 */
static int
render_selection_tint (CxMapLayout  *layout,
                       CxMapPainter *painter,
                       CxStep       *selected,
                       guint         first,
                       guint         last)
{
  int index = selected != NULL ? cx_map_layout_get_step_index (layout, selected) : -1;
  cairo_rectangle_t column;

  if (index < (int) first || index > (int) last)
    return -1;

  cx_map_layout_get_step_rect (layout, selected, &column);
  cx_map_rounded_rect (painter->cr, column.x - 5, column.y - 5, column.width + 10,
                       column.height + 5, CARD_RADIUS + 4);
  cx_set_color_alpha (painter->cr, &painter->theme->selection, CX_MAP_SELECTION_TINT);
  cairo_fill (painter->cr);
  return index;
}

/**
 * cx_map_render:
 * @layout: a #CxMapLayout
 * @cr: where to draw, its transformation mapping map units to the device
 * @area: the part of the map to draw, in map units
 * @options: (nullable): theme, selected step and zoom
 *
 * Draws the part of the map within @area, background included, clipped
 * to it. Only the columns that meet @area are visited. The lane-name
 * column is left to cx_map_render_lane_headers().
 */
void
cx_map_render (CxMapLayout              *layout,
               cairo_t                  *cr,
               const cairo_rectangle_t  *area,
               const CxMapRenderOptions *options)
{
  const CxMapTheme *theme = cx_map_options_theme (options);
  CxStep *selected = options != NULL ? options->selected : NULL;
  CxMapPainter painter;
  double x0, x1, y0, y1;
  guint first, last;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);

  x0 = area->x;
  x1 = area->x + area->width;

  y0 = area->y;
  y1 = area->y + area->height;

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  cx_set_color (cr, &theme->background);
  cairo_paint (cr);

  cx_map_painter_init (&painter, cr, theme, layout->font_family, cx_map_options_zoom (options));

  render_rows (layout, &painter, x0, x1);
  /* the top rows, unless the view pins them and draws them apart */
  if (y0 < layout->lanes_y)
    render_bands (layout, &painter, x0, x1);
  render_recovery_boundary (layout, &painter);

  if (cx_map_layout_visible_steps (layout, x0, x1, &first, &last))
    {
      int selected_index = render_selection_tint (layout, &painter, selected, first, last);

      for (guint i = first; i <= last; i++)
        {
          if (y0 < layout->lanes_y)
            render_step_header (layout, &painter, i, (int) i == selected_index);
          render_text_cells (layout, &painter, i, y0, y1);
        }

      for (guint i = 0; i < layout->rows->len; i++)
        {
          const CxMapRow *row = &g_array_index (layout->rows, CxMapRow, i);

          if (row->y > y1 || row->y + row->height < y0)
            continue;
          if (row->kind == CX_LANE_KIND_EMOTION)
            cx_map_render_emotion (layout, &painter, row, first, last);
          else if (row->kind == CX_LANE_KIND_EXPECTATION)
            cx_map_render_expectation (layout, &painter, row, first, last);
        }
    }

  /* the failures' badges cover where the connections leave them */
  cx_map_render_connections (layout, &painter, x0, x1);
  if (cx_map_layout_visible_steps (layout, x0, x1, &first, &last))
    cx_map_render_failures (layout, &painter, first, last);

  cx_map_painter_clear (&painter);
  cairo_restore (cr);
}

/**
 * cx_map_render_top_rows:
 * @layout: a #CxMapLayout
 * @cr: where to draw, as for cx_map_render()
 * @area: the columns to draw are those within its x range
 * @options: (nullable): theme, selected step and zoom
 *
 * Draws the map's top rows, the phase bands and the step headers, from y
 * 0 to cx_map_layout_get_top_height(), for the columns within @area's x
 * range, on the canvas: what cx_map_render() draws there, so the view
 * can pin them at the top while the map scrolls down under them, and
 * every printed page can head its lanes with them.
 */
void
cx_map_render_top_rows (CxMapLayout              *layout,
                        cairo_t                  *cr,
                        const cairo_rectangle_t  *area,
                        const CxMapRenderOptions *options)
{
  const CxMapTheme *theme = cx_map_options_theme (options);
  CxStep *selected = options != NULL ? options->selected : NULL;
  CxMapPainter painter;
  double x0, x1;
  guint first, last;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);

  x0 = area->x;
  x1 = area->x + area->width;

  cairo_save (cr);
  cairo_rectangle (cr, x0, 0, x1 - x0, layout->lanes_y);
  cairo_clip (cr);
  cx_set_color (cr, &theme->background);
  cairo_paint (cr);

  cx_map_painter_init (&painter, cr, theme, layout->font_family, cx_map_options_zoom (options));
  render_bands (layout, &painter, x0, x1);
  render_recovery_boundary (layout, &painter);
  if (cx_map_layout_visible_steps (layout, x0, x1, &first, &last))
    {
      int selected_index = render_selection_tint (layout, &painter, selected, first, last);

      for (guint i = first; i <= last; i++)
        render_step_header (layout, &painter, i, (int) i == selected_index);
    }

  cx_map_painter_clear (&painter);
  cairo_restore (cr);
}
