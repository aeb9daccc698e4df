/* cx-map-glyphs.c — text in cells, and the map's small symbols
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text goes through one PangoLayout a drawing pass, wrapped and ellipsized
 * to its box and clipped to it, so no text ever spills out of its cell.
 * Metrics hinting is off: a line breaks at the same word at every zoom.
 *
 * The symbols are cairo paths drawn in a 16 × 16 box and scaled: the
 * channel of a step (phone, globe, envelope, …), the marks (wow, moment of
 * truth), the severities of findings (each its own shape as well as its
 * own colour, for readers who do not tell red from orange), the alarm of
 * a high-risk failure nobody answers, and the RPN pill. No icon theme: the
 * map looks the same in an export on a machine without one.
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cx-map-private.h"

/* ------------------------------------------------------------------ */
/* Text                                                                */

void
cx_map_painter_init (CxMapPainter     *painter,
                     cairo_t          *cr,
                     const CxMapTheme *theme,
                     const char       *font_family,
                     double            zoom)
{
  cairo_font_options_t *font_options;
  PangoContext *context;

  painter->cr = cr;
  painter->theme = theme;
  painter->zoom = zoom > 0 ? zoom : 1.0;
  painter->font = pango_font_description_new ();
  pango_font_description_set_family (painter->font,
                                     font_family != NULL ? font_family : theme->font_family);

  /* Laid out in map units, whatever @cr's scale: a context of its own,
   * not @cr's, whose metrics would be rounded to the device's and wrap
   * fewer lines into a cell on a printed page at a small scale */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  painter->text = pango_layout_new (context);
  g_object_unref (context);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (font_options);
  pango_layout_context_changed (painter->text);

  pango_layout_set_wrap (painter->text, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (painter->text, PANGO_ELLIPSIZE_END);
}

void
cx_map_painter_clear (CxMapPainter *painter)
{
  g_clear_object (&painter->text);
  g_clear_pointer (&painter->font, pango_font_description_free);
}

/* Whether type of @size map units is big enough on the device to read */
gboolean
cx_map_painter_legible (CxMapPainter *painter,
                        double        size)
{
  return size * painter->zoom >= CX_MAP_LEGIBLE_PX;
}

static void
prepare_text (CxMapPainter *painter,
              const char   *text,
              double        size,
              CxTextFlags   flags)
{
  pango_font_description_set_absolute_size (painter->font, size * PANGO_SCALE);
  pango_font_description_set_weight (painter->font, (flags & CX_TEXT_BOLD) != 0
                                                    ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (painter->font, (flags & CX_TEXT_ITALIC) != 0
                                                   ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (painter->text, painter->font);
  pango_layout_set_alignment (painter->text,
                              (flags & CX_TEXT_CENTER) != 0 ? PANGO_ALIGN_CENTER
                              : (flags & CX_TEXT_RIGHT) != 0 ? PANGO_ALIGN_RIGHT
                              : PANGO_ALIGN_LEFT);
  pango_layout_set_text (painter->text, text, -1);
}

/*
 * Draws @text wrapped into @box, as many lines as fit, the last ending in
 * an ellipsis if the text is longer, and clipped to @box whatever happens,
 * in the colour the theme gives @ink. Nothing is drawn when the type would
 * be too small to read.
 *
 * Returns: the height the text takes, or 0 if it was not drawn
 */
double
cx_map_draw_text (CxMapPainter            *painter,
                  const char              *text,
                  const cairo_rectangle_t *box,
                  double                   size,
                  CxMapInk                 ink,
                  CxTextFlags              flags)
{
  cairo_t *cr = painter->cr;
  CxColor color;
  int width, height;
  double top;

  if (text == NULL || *text == '\0' || box->width <= 0 || box->height <= 0
      || !cx_map_painter_legible (painter, size))
    return 0;

  prepare_text (painter, text, size, flags);
  pango_layout_set_width (painter->text, (int) (box->width * PANGO_SCALE));
  pango_layout_set_height (painter->text, (int) (box->height * PANGO_SCALE));
  pango_layout_get_size (painter->text, &width, &height);

  top = box->y;
  if ((flags & CX_TEXT_MIDDLE) != 0)
    top += MAX (0, (box->height - (double) height / PANGO_SCALE) / 2);

  cairo_save (cr);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_clip (cr);
  color = cx_map_theme_ink (painter->theme, ink);
  cx_set_color (cr, &color);
  cairo_move_to (cr, box->x, top);
  pango_cairo_show_layout (cr, painter->text);
  cairo_restore (cr);
  cairo_new_path (cr);   /* the path is not part of the saved state */

  return MIN ((double) height / PANGO_SCALE, box->height);
}

/* The natural width of @text on one line; its height in @height */
double
cx_map_measure_text (CxMapPainter *painter,
                     const char   *text,
                     double        size,
                     CxTextFlags   flags,
                     double       *height)
{
  int w, h;

  prepare_text (painter, text != NULL ? text : "", size, flags);
  pango_layout_set_width (painter->text, -1);
  pango_layout_set_height (painter->text, -1);
  pango_layout_get_size (painter->text, &w, &h);
  if (height != NULL)
    *height = (double) h / PANGO_SCALE;
  return (double) w / PANGO_SCALE;
}

/* ------------------------------------------------------------------ */
/* Shapes                                                              */

void
cx_map_rounded_rect (cairo_t *cr,
                     double   x,
                     double   y,
                     double   width,
                     double   height,
                     double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
cx_map_set_dash (cairo_t          *cr,
                 const CxMapTheme *theme,
                 const double     *dashes,
                 int               n_dashes,
                 gboolean          meaningful)
{
  double scaled[8];

  g_assert (n_dashes <= (int) G_N_ELEMENTS (scaled));

  if (theme->high_contrast && !meaningful)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }

  /* thicker lines keep their pattern */
  for (int i = 0; i < n_dashes; i++)
    scaled[i] = dashes[i] * theme->line_scale;
  cairo_set_dash (cr, scaled, n_dashes, 0);
}

/* Observed: solid. Assumed: dashed. Proposed: dotted. The dashes say
 * what is known, so they stay in high contrast, only thicker. */
void
cx_map_set_evidence_dash (cairo_t          *cr,
                          const CxMapTheme *theme,
                          CxEvidence        evidence,
                          double            line_width)
{
  double dashes[2];

  line_width = cx_map_theme_line_width (theme, line_width);
  cairo_set_line_width (cr, line_width);
  switch (evidence)
    {
    case CX_EVIDENCE_ASSUMED:
      dashes[0] = 5 * line_width;
      dashes[1] = 3.5 * line_width;
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dashes, 2, 0);
      break;

    case CX_EVIDENCE_PROPOSED:
      dashes[0] = 0;
      dashes[1] = 2.6 * line_width;
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dashes, 2, 0);
      break;

    case CX_EVIDENCE_NONE:
    case CX_EVIDENCE_OBSERVED:
    default:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
envelope (cairo_t  *cr,
          gboolean  flap)
{
  cx_map_rounded_rect (cr, 1.5, 3.5, 13, 9.5, 1.5);
  cairo_stroke (cr);
  if (flap)
    {
      cairo_move_to (cr, 2, 4.2);
      cairo_line_to (cr, 8, 9);
      cairo_line_to (cr, 14, 4.2);
      cairo_stroke (cr);
    }
}

/* A telephone handset, earpiece at the top left, mouthpiece at the
 * bottom right, the handle curving between them */
static void
handset (cairo_t *cr)
{
  /* drawn a little small; grown about the box's centre */
  cairo_translate (cr, 8, 8);
  cairo_scale (cr, 1.18, 1.18);
  cairo_translate (cr, -7.7, -8.3);
  cairo_move_to (cr, 2.1, 5.2);
  cairo_curve_to (cr, 2.6, 9.6, 6.4, 13.4, 10.8, 13.9);
  cairo_line_to (cr, 13.2, 11.6);
  cairo_line_to (cr, 10.2, 9.1);
  cairo_line_to (cr, 8.6, 10.5);
  cairo_curve_to (cr, 7.0, 9.6, 6.4, 9.0, 5.5, 7.4);
  cairo_line_to (cr, 6.9, 5.8);
  cairo_line_to (cr, 4.4, 2.8);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/**
 * cx_map_draw_channel: (skip)
 *
 * Draws the symbol of @channel in the square (@x, @y, @size).
 */
void
cx_map_draw_channel (cairo_t       *cr,
                     CxChannel      channel,
                     double         x,
                     double         y,
                     double         size,
                     const CxColor *color)
{
  if (channel == CX_CHANNEL_NONE)
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / 16, size / 16);
  cairo_set_line_width (cr, 1.4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  cx_set_color (cr, color);

  switch (channel)
    {
    case CX_CHANNEL_WEB:
      cairo_arc (cr, 8, 8, 6.3, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_save (cr);
      cairo_translate (cr, 8, 8);
      cairo_scale (cr, 0.45, 1);
      cairo_arc (cr, 0, 0, 6.3, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, 1.7, 8);
      cairo_line_to (cr, 14.3, 8);
      cairo_move_to (cr, 3, 4.6);
      cairo_line_to (cr, 13, 4.6);
      cairo_move_to (cr, 3, 11.4);
      cairo_line_to (cr, 13, 11.4);
      cairo_stroke (cr);
      break;

    case CX_CHANNEL_APP:
      cx_map_rounded_rect (cr, 4, 1.2, 8, 13.6, 1.8);
      cairo_stroke (cr);
      cairo_rectangle (cr, 5.6, 3.2, 4.8, 7.8);
      cairo_fill (cr);
      cairo_arc (cr, 8, 12.9, 0.8, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case CX_CHANNEL_EMAIL:
      envelope (cr, TRUE);
      break;

    case CX_CHANNEL_MAIL:
      /* a posted letter: stamp and address lines, no flap */
      envelope (cr, FALSE);
      cairo_rectangle (cr, 10.2, 5.3, 2.6, 2.8);
      cairo_fill (cr);
      cairo_move_to (cr, 4, 9);
      cairo_line_to (cr, 9, 9);
      cairo_move_to (cr, 4, 11);
      cairo_line_to (cr, 8, 11);
      cairo_stroke (cr);
      break;

    case CX_CHANNEL_PHONE:
      handset (cr);
      break;

    case CX_CHANNEL_CHAT:
      cairo_move_to (cr, 4, 11.2);
      cairo_line_to (cr, 3.2, 14.5);
      cairo_line_to (cr, 7.2, 11.2);
      cairo_close_path (cr);
      cairo_fill (cr);
      cx_map_rounded_rect (cr, 1.5, 2, 13, 9.2, 2.6);
      cairo_stroke (cr);
      for (int i = -1; i <= 1; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, 8 + i * 3, 6.6, 0.95, 0, 2 * G_PI);
        }
      cairo_fill (cr);
      break;

    case CX_CHANNEL_SOCIAL:
      /* the "share" sign: three people linked */
      cairo_move_to (cr, 4, 8);
      cairo_line_to (cr, 12, 3.6);
      cairo_move_to (cr, 4, 8);
      cairo_line_to (cr, 12, 12.4);
      cairo_stroke (cr);
      cairo_arc (cr, 4, 8, 2.3, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 12, 3.6, 2.3, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 12, 12.4, 2.3, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case CX_CHANNEL_STORE:
      /* an awning with a scalloped edge over a shop front with its door */
      cairo_move_to (cr, 1.2, 5.2);
      cairo_line_to (cr, 2.4, 1.6);
      cairo_line_to (cr, 13.6, 1.6);
      cairo_line_to (cr, 14.8, 5.2);
      for (int i = 3; i >= 0; i--)
        cairo_arc (cr, 1.2 + (i + 0.5) * 3.4, 5.2, 1.7, 0, G_PI);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_move_to (cr, 2.5, 7);
      cairo_line_to (cr, 2.5, 14.5);
      cairo_line_to (cr, 13.5, 14.5);
      cairo_line_to (cr, 13.5, 7);
      cairo_stroke (cr);
      cairo_rectangle (cr, 6.4, 9.2, 3.2, 5.3);
      cairo_fill (cr);
      break;

    case CX_CHANNEL_IN_PERSON:
      cairo_arc (cr, 8, 4.6, 3, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_move_to (cr, 2, 15);
      cairo_curve_to (cr, 2, 10.4, 4.6, 8.8, 8, 8.8);
      cairo_curve_to (cr, 11.4, 8.8, 14, 10.4, 14, 15);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case CX_CHANNEL_SELF_SERVICE:
      /* a kiosk: a screen on a stand */
      cx_map_rounded_rect (cr, 2.5, 1.2, 11, 8.6, 1.4);
      cairo_stroke (cr);
      cairo_rectangle (cr, 4.4, 3.1, 7.2, 4.8);
      cairo_fill (cr);
      cairo_rectangle (cr, 7, 9.8, 2, 3.6);
      cairo_rectangle (cr, 4, 13.4, 8, 1.6);
      cairo_fill (cr);
      break;

    case CX_CHANNEL_OTHER:
    default:
      cairo_arc (cr, 8, 8, 6.3, 0, 2 * G_PI);
      cairo_stroke (cr);
      for (int i = -1; i <= 1; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, 8 + i * 3.2, 8, 1, 0, 2 * G_PI);
        }
      cairo_fill (cr);
      break;
    }

  cairo_restore (cr);
}

static void
polygon (cairo_t *cr,
         double   cx,
         double   cy,
         double   radius,
         guint    n,
         double   start)
{
  cairo_new_sub_path (cr);
  for (guint i = 0; i < n; i++)
    {
      double angle = start + 2 * G_PI * i / n;

      cairo_line_to (cr, cx + radius * cos (angle), cy + radius * sin (angle));
    }
  cairo_close_path (cr);
}

/* The wow mark: a five-pointed star */
void
cx_map_draw_star (cairo_t       *cr,
                  double         cx,
                  double         cy,
                  double         radius,
                  const CxColor *fill,
                  const CxColor *outline)
{
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + G_PI * i / 5;
      double r = (i % 2 == 0) ? radius : radius * 0.45;

      cairo_line_to (cr, cx + r * cos (angle), cy + r * sin (angle) + radius * 0.08);
    }
  cairo_close_path (cr);
  cx_set_color (cr, fill);
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, MAX (radius * 0.12, 0.6));
  cx_set_color (cr, outline);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The moment-of-truth mark: a target, ring and bull */
void
cx_map_draw_moment_of_truth (cairo_t       *cr,
                             double         cx,
                             double         cy,
                             double         radius,
                             const CxColor *color)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cx_set_color (cr, color);
  cairo_set_line_width (cr, radius * 0.22);
  cairo_arc (cr, cx, cy, radius * 0.88, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_arc (cr, cx, cy, radius * 0.38, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
exclamation (cairo_t *cr,
             double   cx,
             double   cy,
             double   radius)
{
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, radius * 0.26);
  cairo_move_to (cr, cx, cy - radius * 0.48);
  cairo_line_to (cr, cx, cy + radius * 0.12);
  cairo_stroke (cr);
  cairo_arc (cr, cx, cy + radius * 0.48, radius * 0.15, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* A finding's severity: error an octagon with a cross, warning a
 * triangle with "!", info a circle with "i" — told apart without colour */
void
cx_map_draw_severity (cairo_t          *cr,
                      const CxMapTheme *theme,
                      CxSeverity        severity,
                      double            cx,
                      double            cy,
                      double            radius)
{
  CxSeverity which = CLAMP (severity, CX_SEVERITY_INFO, CX_SEVERITY_ERROR);
  const CxColor *fill = &theme->severity[which];
  CxColor ink = cx_map_theme_ink (theme, CX_INK_OF (CX_MAP_TEXT_SEVERITY, which));
  double arm = radius * 0.36;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (severity)
    {
    case CX_SEVERITY_ERROR:
      polygon (cr, cx, cy, radius, 8, G_PI / 8);
      cx_set_color (cr, fill);
      cairo_fill (cr);
      cx_set_color (cr, &ink);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, radius * 0.24);
      cairo_move_to (cr, cx - arm, cy - arm);
      cairo_line_to (cr, cx + arm, cy + arm);
      cairo_move_to (cr, cx + arm, cy - arm);
      cairo_line_to (cr, cx - arm, cy + arm);
      cairo_stroke (cr);
      break;

    case CX_SEVERITY_WARNING:
      /* a triangle standing on its base, its centroid a little low */
      polygon (cr, cx, cy + radius * 0.18, radius * 1.12, 3, -G_PI / 2);
      cx_set_color (cr, fill);
      cairo_set_line_width (cr, radius * 0.2);
      cairo_stroke_preserve (cr);
      cairo_fill (cr);
      cx_set_color (cr, &ink);
      exclamation (cr, cx, cy + radius * 0.16, radius * 0.9);
      break;

    case CX_SEVERITY_INFO:
    default:
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      cx_set_color (cr, fill);
      cairo_fill (cr);
      cx_set_color (cr, &ink);
      cairo_arc (cr, cx, cy - radius * 0.45, radius * 0.15, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, radius * 0.24);
      cairo_move_to (cr, cx, cy - radius * 0.08);
      cairo_line_to (cr, cx, cy + radius * 0.52);
      cairo_stroke (cr);
      break;
    }

  cairo_restore (cr);
}

/* A high-risk failure with no answer: a red ring around a red "!" on the
 * card's colour, unlike any finding's badge */
void
cx_map_draw_alarm (cairo_t          *cr,
                   const CxMapTheme *theme,
                   double            cx,
                   double            cy,
                   double            radius)
{
  const CxColor *red = &theme->severity[CX_SEVERITY_ERROR];

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, cx, cy, radius - radius * 0.11, 0, 2 * G_PI);
  cx_set_color (cr, &theme->card);
  cairo_fill_preserve (cr);
  cx_set_color (cr, red);
  cairo_set_line_width (cr, radius * 0.22);
  cairo_stroke (cr);
  exclamation (cr, cx, cy, radius * 1.05);
  cairo_restore (cr);
}

/* A failure's RPN on a pill whose colour rises with it; returns its width */
double
cx_map_draw_rpn_pill (CxMapPainter *painter,
                      int           rpn,
                      double        x,
                      double        y,
                      double        height)
{
  cairo_t *cr = painter->cr;
  CxColor fill = cx_map_theme_rpn_color (painter->theme, rpn);
  char label[16];
  double width;

  g_snprintf (label, sizeof label, "%d", rpn);
  width = MAX (height * 1.7, height * 0.55 * strlen (label) + height * 0.9);

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cx_map_rounded_rect (cr, x, y, width, height, height / 2);
  cx_set_color (cr, &fill);
  cairo_fill (cr);
  cx_map_draw_text (painter, label, &(cairo_rectangle_t) { x, y, width, height },
                    height * 0.6, CX_INK_OF (CX_MAP_TEXT_RPN, CLAMP (rpn, 1, 1000)),
                    CX_TEXT_BOLD | CX_TEXT_CENTER | CX_TEXT_MIDDLE);
  cairo_restore (cr);

  return width;
}

void
cx_map_draw_arrow_head (cairo_t *cr,
                        double   x,
                        double   y,
                        double   angle,
                        double   size)
{
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, -size, -size * 0.55);
  cairo_line_to (cr, -size * 0.75, 0);
  cairo_line_to (cr, -size, size * 0.55);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}
