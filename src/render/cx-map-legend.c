/* cx-map-legend.c — the title block and the legend around an exported map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export and print put a title block above the map (the plan's title,
 * author, date, description and the counts of findings by severity) and a
 * legend under it that explains every mark the map uses, drawn with the
 * very functions that draw the map, so the key cannot drift from it.
 * Both draw on the caller's background, and measure themselves when given
 * no cairo context.
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cx-map-private.h"

#define PAD        28.0
#define GROUP_GAP  40.0
#define ITEM_H     24.0
#define SYMBOL_W   48.0

/* The title block's text is never narrower than this: on a narrower page
 * the counts of findings go under it */
#define MIN_TEXT_WIDTH   320.0
/* Eight lines of the title; a longer one is ellipsized */
#define TITLE_MAX_HEIGHT 270.0

/* Draws into @cr, or into a scratch surface when only measuring */
static cairo_t *
target_or_scratch (cairo_t          *cr,
                   cairo_surface_t **scratch)
{
  if (cr != NULL)
    {
      *scratch = NULL;
      return cairo_reference (cr);
    }

  *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  return cairo_create (*scratch);
}

/* ------------------------------------------------------------------ */
/* Title block                                                         */

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;

  if (iso != NULL)
    date = g_date_time_new_from_iso8601 (iso, NULL);
  if (date == NULL)
    return NULL;
  /* Translators: the plan's date under the map's title, as
   * g_date_time_format() writes it; Spanish, say: "%-d de %B de %Y" */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static char *
describe_counts (CxMapLayout *layout,
                 guint        counts[3])
{
  g_autofree char *steps = NULL;
  g_autofree char *failures = NULL;
  guint n_failures = 0;

  for (guint i = 0; i < layout->steps->len; i++)
    n_failures += cx_step_get_n_failures (g_ptr_array_index (layout->steps, i));

  for (guint i = 0; layout->findings != NULL && i < layout->findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (layout->findings, i);

      /* a map of one phase counts the findings of that phase */
      if ((guint) finding->phase < CX_N_PHASES && !layout->phases[finding->phase].shown)
        continue;
      /* a persona's journey, the findings of its steps and of that persona */
      if (layout->persona != NULL && finding->target == CX_TARGET_PERSONA)
        {
          if (g_strcmp0 (finding->persona_id, layout->persona) != 0)
            continue;
        }
      else if (layout->persona != NULL && finding->step_id != NULL)
        {
          GObject *step = cx_plan_lookup_id (layout->plan, finding->step_id);

          if (CX_IS_STEP (step) && !cx_map_layout_shows_step (layout, CX_STEP (step)))
            continue;
        }
      counts[CLAMP (finding->severity, CX_SEVERITY_INFO, CX_SEVERITY_ERROR)]++;
    }

  steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps",
                                        layout->steps->len), layout->steps->len);
  failures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failure mode",
                                           "%u failure modes", n_failures), n_failures);
  return g_strdup_printf ("%s · %s", steps, failures);
}

static char *
count_label (CxSeverity severity,
             guint      count)
{
  switch (severity)
    {
    case CX_SEVERITY_ERROR:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", count),
                              count);
    case CX_SEVERITY_WARNING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", count),
                              count);
    case CX_SEVERITY_INFO:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u info", "%u info", count),
                              count);
    }
}

/**
 * cx_map_render_title_block:
 * @layout: a #CxMapLayout
 * @cr: (nullable): where to draw, at (0, 0); %NULL only to measure
 * @width: the width to fill
 * @theme: the palette
 *
 * Draws the plan's title (all of it, wrapped), author, date and
 * description, and the counts of steps, failure modes and findings by
 * severity: at the right, or under the text when @width is too narrow.
 *
 * Returns: the height of the block
 */
double
cx_map_render_title_block (CxMapLayout      *layout,
                           cairo_t          *cr,
                           double            width,
                           const CxMapTheme *theme)
{
  cairo_surface_t *scratch = NULL;
  cairo_t *target;
  CxMapPainter painter;
  CxPlan *plan;
  guint counts[3] = { 0, };
  g_autofree char *structure = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  const char *title, *author;
  char *labels[3] = { NULL, };
  double widths[3];
  double text_width, y, counts_width = 0, height;
  gboolean stacked;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);

  target = target_or_scratch (cr, &scratch);
  cx_map_painter_init (&painter, target, theme, layout->font_family, 1.0);
  plan = layout->plan;

  title = cx_plan_get_title (plan);
  if (title == NULL)
    title = _("Untitled plan");
  author = cx_plan_get_author (plan);
  date = format_date (cx_plan_get_modified (plan));
  if (date == NULL)
    date = format_date (cx_plan_get_created (plan));
  structure = describe_counts (layout, counts);

  if (author != NULL)
    g_string_append (meta, author);
  if (date != NULL)
    g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", date);
  if (layout->phase >= 0)
    g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "",
                            cx_map_phase_label (layout->phase));
  if (layout->persona != NULL)
    {
      GObject *persona = cx_plan_lookup_id (plan, layout->persona);
      const char *name = CX_IS_PERSONA (persona) ? cx_persona_get_name (CX_PERSONA (persona))
                                                 : NULL;

      /* Translators: the map shows one persona's journey: "Journey of Fan in a hurry" */
      g_string_append_printf (meta, "%s", meta->len > 0 ? " · " : "");
      g_string_append_printf (meta, _("Journey of %s"), name != NULL ? name : layout->persona);
    }
  g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", structure);

  for (int severity = CX_SEVERITY_INFO; severity <= CX_SEVERITY_ERROR; severity++)
    {
      labels[severity] = count_label (severity, counts[severity]);
      widths[severity] = cx_map_measure_text (&painter, labels[severity], 13, 0, NULL);
      counts_width += 26 + widths[severity] + (severity > CX_SEVERITY_INFO ? 18 : 0);
    }

  /* The counts at the right of the text, or under it when the page is
   * too narrow for both side by side (a portrait page) */
  text_width = width - 2 * PAD - counts_width - PAD;
  stacked = text_width < MIN_TEXT_WIDTH;
  if (stacked)
    text_width = MAX (width - 2 * PAD, MIN_TEXT_WIDTH);

  /* The whole title, however many lines it takes */
  y = PAD;
  y += cx_map_draw_text (&painter, title,
                         &(cairo_rectangle_t) { PAD, y, text_width, TITLE_MAX_HEIGHT },
                         26, CX_INK (CX_MAP_TEXT_CANVAS), CX_TEXT_BOLD);
  y += 6;
  y += cx_map_draw_text (&painter, meta->str, &(cairo_rectangle_t) { PAD, y, text_width, 40 },
                         13, CX_INK (CX_MAP_TEXT_CANVAS_DIM), 0);
  if (cx_plan_get_description (plan) != NULL)
    {
      y += 10;
      y += cx_map_draw_text (&painter, cx_plan_get_description (plan),
                             &(cairo_rectangle_t) { PAD, y, MIN (text_width, 1000), 58 },
                             13, CX_INK (CX_MAP_TEXT_CANVAS), 0);
    }

  /* The findings, worst first */
  {
    double x, top;

    if (stacked)
      {
        x = PAD;
        top = y + 14;
        y = top + 44;
      }
    else
      {
        x = width - PAD - counts_width;
        top = PAD - 4;
      }

    cx_map_draw_text (&painter, _("FINDINGS"), &(cairo_rectangle_t) { x, top, 200, 14 },
                      9.5, CX_INK (CX_MAP_TEXT_CANVAS_DIM), CX_TEXT_BOLD);
    for (int severity = CX_SEVERITY_ERROR; severity >= CX_SEVERITY_INFO; severity--)
      {
        cx_map_draw_severity (target, theme, severity, x + 9, top + 32, 9);
        cx_map_draw_text (&painter, labels[severity],
                          &(cairo_rectangle_t) { x + 26, top + 22, widths[severity] + 2, 20 },
                          13, CX_INK (CX_MAP_TEXT_CANVAS), CX_TEXT_MIDDLE);
        x += 26 + widths[severity] + 18;
        g_free (labels[severity]);
      }
  }

  height = MAX (y + PAD, PAD + 60);
  if (cr != NULL)
    {
      cx_set_color (cr, &theme->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, PAD, height - 0.5);
      cairo_line_to (cr, width - PAD, height - 0.5);
      cairo_stroke (cr);
    }

  cx_map_painter_clear (&painter);
  cairo_destroy (target);
  g_clear_pointer (&scratch, cairo_surface_destroy);
  return height;
}

/* ------------------------------------------------------------------ */
/* Legend                                                              */

typedef enum
{
  SYMBOL_PHASE,
  SYMBOL_EVIDENCE,
  SYMBOL_WOW,
  SYMBOL_MOMENT_OF_TRUTH,
  SYMBOL_SEVERITY,
  SYMBOL_RPN,
  SYMBOL_ALARM,
  SYMBOL_RECOVERS,
  SYMBOL_LEADS_TO,
  SYMBOL_EMOTION,
  SYMBOL_EXPECTED,
  SYMBOL_DELIVERED,
  SYMBOL_SHORTFALL,
  SYMBOL_EXCEEDED,
  SYMBOL_BLUEPRINT_LINE,
  SYMBOL_RECOVERY_BOUNDARY,
  SYMBOL_CHANNEL,
} Symbol;

typedef struct
{
  Symbol      symbol;
  int         arg;
  const char *label;
} LegendItem;

typedef struct
{
  const char       *heading;
  guint             n_columns;
  const LegendItem *items;
  guint             n_items;
} LegendGroup;

static void
draw_symbol (CxMapPainter     *painter,
             const LegendItem *item,
             double            x,
             double            cy)
{
  cairo_t *cr = painter->cr;
  const CxMapTheme *theme = painter->theme;
  static const double dashes[] = { 5, 3 };

  cairo_save (cr);
  switch (item->symbol)
    {
    case SYMBOL_PHASE:
      cx_map_rounded_rect (cr, x, cy - 8, 30, 16, 4);
      cx_set_color (cr, &theme->phase[item->arg]);
      cairo_fill (cr);
      cairo_rectangle (cr, x + 6, cy - 2, 18, 4);
      cx_set_color (cr, &theme->phase_text[item->arg]);
      cairo_fill (cr);
      break;

    case SYMBOL_EVIDENCE:
      {
        CxColor fill = item->arg == CX_EVIDENCE_PROPOSED ? cx_map_theme_proposed_fill (theme)
                                                         : theme->card;

        cx_map_rounded_rect (cr, x + 1, cy - 8, 28, 16, 4);
        cx_set_color (cr, &fill);
        cairo_fill_preserve (cr);
        cx_set_color (cr, &theme->card_border);
        cx_map_set_evidence_dash (cr, theme, item->arg, 1.4);
        cairo_stroke (cr);
      }
      break;

    case SYMBOL_WOW:
      {
        static const CxColor gold = { 0.898, 0.647, 0.039, 1 };

        cx_map_draw_star (cr, x + 15, cy, 8, &gold, &theme->foreground);
      }
      break;

    case SYMBOL_MOMENT_OF_TRUTH:
      cx_map_draw_moment_of_truth (cr, x + 15, cy, 7, &theme->foreground);
      break;

    case SYMBOL_SEVERITY:
      cx_map_draw_severity (cr, theme, item->arg, x + 15, cy, 7);
      break;

    case SYMBOL_RPN:
      cx_map_draw_rpn_pill (painter, item->arg, x, cy - 9, 18);
      break;

    case SYMBOL_ALARM:
      cx_map_draw_alarm (cr, theme, x + 15, cy, 8);
      break;

    case SYMBOL_RECOVERS:
    case SYMBOL_LEADS_TO:
      cairo_move_to (cr, x + 2, cy - 6);
      cairo_curve_to (cr, x + 2, cy + 8, x + 28, cy + 8, x + 28, cy - 2);
      cairo_set_line_width (cr, cx_map_theme_line_width (theme, 1.6));
      if (item->symbol == SYMBOL_RECOVERS)
        cx_set_color (cr, &theme->phase_text[CX_PHASE_RECOVERY]);
      else
        {
          cx_set_color (cr, &theme->dim_foreground);
          cx_map_set_dash (cr, theme, dashes, 2, TRUE);
        }
      cairo_stroke (cr);
      cx_map_draw_arrow_head (cr, x + 28, cy - 8, -G_PI / 2, 7);
      break;

    case SYMBOL_EMOTION:
      {
        CxColor delight = theme->delight, distress = theme->distress;

        cairo_move_to (cr, x, cy);
        cairo_curve_to (cr, x + 6, cy - 14, x + 12, cy - 10, x + 16, cy);
        cairo_curve_to (cr, x + 20, cy + 10, x + 26, cy + 14, x + 32, cy);
        cairo_close_path (cr);
        cairo_save (cr);
        cairo_rectangle (cr, x, cy - 12, 32, 12);
        cairo_clip_preserve (cr);
        cairo_new_path (cr);
        cairo_move_to (cr, x, cy);
        cairo_curve_to (cr, x + 6, cy - 14, x + 12, cy - 10, x + 16, cy);
        cairo_close_path (cr);
        cx_set_color (cr, &delight);
        cairo_fill (cr);
        cairo_restore (cr);
        cairo_move_to (cr, x + 16, cy);
        cairo_curve_to (cr, x + 20, cy + 10, x + 26, cy + 14, x + 32, cy);
        cairo_close_path (cr);
        cx_set_color (cr, &distress);
        cairo_fill (cr);
        cairo_move_to (cr, x, cy);
        cairo_curve_to (cr, x + 6, cy - 14, x + 12, cy - 10, x + 16, cy);
        cairo_curve_to (cr, x + 20, cy + 10, x + 26, cy + 14, x + 32, cy);
        cx_set_color_alpha (cr, &theme->foreground, theme->high_contrast ? 1.0 : 0.8);
        cairo_set_line_width (cr, cx_map_theme_line_width (theme, 2));
        cairo_stroke (cr);
        cairo_move_to (cr, x, cy);
        cairo_line_to (cr, x + 32, cy);
        cx_set_color (cr, &theme->line);
        cairo_set_line_width (cr, cx_map_theme_line_width (theme, 1));
        cairo_stroke (cr);
      }
      break;

    case SYMBOL_EXPECTED:
      cairo_arc (cr, x + 15, cy, 5, 0, 2 * G_PI);
      cx_set_color (cr, &theme->foreground);
      cairo_fill (cr);
      break;

    case SYMBOL_DELIVERED:
      cairo_arc (cr, x + 15, cy, 5, 0, 2 * G_PI);
      cx_set_color (cr, &theme->foreground);
      cairo_set_line_width (cr, 2.1);
      cairo_stroke (cr);
      break;

    case SYMBOL_SHORTFALL:
    case SYMBOL_EXCEEDED:
      cairo_rectangle (cr, x + 11, cy - 9, 8, 18);
      cx_set_color (cr, item->symbol == SYMBOL_SHORTFALL ? &theme->shortfall : &theme->exceeded);
      cairo_fill (cr);
      break;

    case SYMBOL_BLUEPRINT_LINE:
    case SYMBOL_RECOVERY_BOUNDARY:
      {
        static const double line_dashes[] = { 7, 4 };

        if (item->symbol == SYMBOL_BLUEPRINT_LINE)
          {
            /* as the map draws them */
            cx_map_set_blueprint_line_style (cr, theme);
            cairo_move_to (cr, x, cy);
            cairo_line_to (cr, x + 32, cy);
          }
        else
          {
            cx_set_color (cr, &theme->phase_text[CX_PHASE_RECOVERY]);
            cairo_set_line_width (cr, cx_map_theme_line_width (theme, 1.5));
            cx_map_set_dash (cr, theme, line_dashes, 2, TRUE);
            cairo_move_to (cr, x + 15, cy - 10);
            cairo_line_to (cr, x + 15, cy + 10);
          }
        cairo_stroke (cr);
      }
      break;

    case SYMBOL_CHANNEL:
    default:
      cx_map_draw_channel (cr, item->arg, x + 7, cy - 8, 16, &theme->foreground);
      break;
    }
  cairo_restore (cr);
}

static const LegendItem phase_items[] = {
  { SYMBOL_PHASE, CX_PHASE_BEFORE, N_("Before: finding and choosing") },
  { SYMBOL_PHASE, CX_PHASE_DURING, N_("During: the service itself") },
  { SYMBOL_PHASE, CX_PHASE_AFTER, N_("After: use, care, follow-up") },
  { SYMBOL_PHASE, CX_PHASE_RECOVERY, N_("Recovery: the contingency") },
  { SYMBOL_RECOVERY_BOUNDARY, 0, N_("Recovery stands apart") },
};

static const LegendItem step_items[] = {
  { SYMBOL_EVIDENCE, CX_EVIDENCE_OBSERVED, N_("Observed in research or data") },
  { SYMBOL_EVIDENCE, CX_EVIDENCE_ASSUMED, N_("Assumed, not yet verified") },
  { SYMBOL_EVIDENCE, CX_EVIDENCE_PROPOSED, N_("Proposed, not yet live") },
  { SYMBOL_WOW, 0, N_("Designed “wow” moment") },
  { SYMBOL_MOMENT_OF_TRUTH, 0, N_("Moment of truth") },
};

static const LegendItem finding_items[] = {
  { SYMBOL_SEVERITY, CX_SEVERITY_ERROR, N_("Error") },
  { SYMBOL_SEVERITY, CX_SEVERITY_WARNING, N_("Warning") },
  { SYMBOL_SEVERITY, CX_SEVERITY_INFO, N_("Info") },
  { SYMBOL_BLUEPRINT_LINE, 0, N_("Lines of interaction, visibility, internal interaction") },
};

static const LegendItem failure_items[] = {
  { SYMBOL_RPN, 24, N_("RPN = severity × occurrence × detection") },
  { SYMBOL_RPN, 320, N_("The higher the RPN, the deeper the red") },
  { SYMBOL_ALARM, 0, N_("High risk and no recovery planned") },
  { SYMBOL_RECOVERS, 0, N_("Answered by a recovery step") },
  { SYMBOL_LEADS_TO, 0, N_("Leads to a follow-up step") },
};

static const LegendItem chart_items[] = {
  { SYMBOL_EMOTION, 0, N_("Emotion: delight above the line, distress below") },
  { SYMBOL_EXPECTED, 0, N_("Expected level, 1 very poor … 5 excellent") },
  { SYMBOL_DELIVERED, 0, N_("Delivered level (around the dot: as expected)") },
  { SYMBOL_SHORTFALL, 0, N_("Shortfall: delivered below expected") },
  { SYMBOL_EXCEEDED, 0, N_("Exceeded: delivered above expected") },
};

static const LegendItem channel_items[] = {
  { SYMBOL_CHANNEL, CX_CHANNEL_WEB, N_("Web") },
  { SYMBOL_CHANNEL, CX_CHANNEL_APP, N_("App") },
  { SYMBOL_CHANNEL, CX_CHANNEL_EMAIL, N_("Email") },
  { SYMBOL_CHANNEL, CX_CHANNEL_PHONE, N_("Phone") },
  { SYMBOL_CHANNEL, CX_CHANNEL_CHAT, N_("Chat") },
  { SYMBOL_CHANNEL, CX_CHANNEL_SOCIAL, N_("Social media") },
  { SYMBOL_CHANNEL, CX_CHANNEL_MAIL, N_("Post") },
  { SYMBOL_CHANNEL, CX_CHANNEL_STORE, N_("Store") },
  { SYMBOL_CHANNEL, CX_CHANNEL_IN_PERSON, N_("In person") },
  { SYMBOL_CHANNEL, CX_CHANNEL_SELF_SERVICE, N_("Self-service") },
  { SYMBOL_CHANNEL, CX_CHANNEL_OTHER, N_("Other") },
};

static const LegendGroup groups[] = {
  { N_("PHASES"), 1, phase_items, G_N_ELEMENTS (phase_items) },
  { N_("STEPS"), 1, step_items, G_N_ELEMENTS (step_items) },
  { N_("FINDINGS AND LINES"), 1, finding_items, G_N_ELEMENTS (finding_items) },
  { N_("FAILURES"), 1, failure_items, G_N_ELEMENTS (failure_items) },
  { N_("EMOTION AND EXPECTATION"), 1, chart_items, G_N_ELEMENTS (chart_items) },
  { N_("CHANNELS"), 3, channel_items, G_N_ELEMENTS (channel_items) },
};

/* Draws a group with its top left at (@x, @y); returns its size */
static void
render_group (CxMapPainter      *painter,
              const LegendGroup *group,
              double             x,
              double             y,
              gboolean           draw,
              double            *width,
              double            *height)
{
  guint per_column = (group->n_items + group->n_columns - 1) / group->n_columns;
  double column_x = x;

  *height = 22 + per_column * ITEM_H;
  if (draw)
    cx_map_draw_text (painter, _(group->heading), &(cairo_rectangle_t) { x, y, 400, 14 },
                      9.5, CX_INK (CX_MAP_TEXT_CANVAS_DIM), CX_TEXT_BOLD);

  for (guint c = 0; c < group->n_columns; c++)
    {
      double column_width = 0;

      for (guint r = 0; r < per_column; r++)
        {
          guint i = c * per_column + r;
          double label_width, cy = y + 22 + r * ITEM_H + ITEM_H / 2;

          if (i >= group->n_items)
            break;
          label_width = cx_map_measure_text (painter, _(group->items[i].label), 12, 0, NULL);
          column_width = MAX (column_width, SYMBOL_W + label_width);
          if (!draw)
            continue;

          draw_symbol (painter, &group->items[i], column_x, cy);
          cx_map_draw_text (painter, _(group->items[i].label),
                            &(cairo_rectangle_t) { column_x + SYMBOL_W, cy - 9,
                                                   label_width + 2, 18 },
                            12, CX_INK (CX_MAP_TEXT_CANVAS), CX_TEXT_MIDDLE);
        }
      column_x += column_width + (c + 1 < group->n_columns ? 20 : 0);
    }

  *width = column_x - x;
}

/**
 * cx_map_render_legend:
 * @layout: a #CxMapLayout
 * @cr: (nullable): where to draw, at (0, 0); %NULL only to measure
 * @width: the width to fill; the groups of the key wrap to it
 * @theme: the palette
 *
 * Draws the key to the map: phases, evidence borders, marks, severities
 * of findings, failures and their connections, the emotion and
 * expectation lanes, the lines of the blueprint and the channels.
 *
 * Returns: the height of the legend
 */
double
cx_map_render_legend (CxMapLayout      *layout,
                      cairo_t          *cr,
                      double            width,
                      const CxMapTheme *theme)
{
  cairo_surface_t *scratch = NULL;
  cairo_t *target;
  CxMapPainter painter;
  double x = PAD, y = PAD, row_height = 0;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);

  target = target_or_scratch (cr, &scratch);
  cx_map_painter_init (&painter, target, theme, layout->font_family, 1.0);

  if (cr != NULL)
    {
      cx_set_color (cr, &theme->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, PAD, 0.5);
      cairo_line_to (cr, width - PAD, 0.5);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      double group_width, group_height;

      render_group (&painter, &groups[i], 0, 0, FALSE, &group_width, &group_height);
      if (x > PAD && x + group_width > width - PAD)
        {
          x = PAD;
          y += row_height + 24;
          row_height = 0;
        }
      if (cr != NULL)
        render_group (&painter, &groups[i], x, y, TRUE, &group_width, &group_height);
      x += group_width + GROUP_GAP;
      row_height = MAX (row_height, group_height);
    }

  cx_map_painter_clear (&painter);
  cairo_destroy (target);
  g_clear_pointer (&scratch, cairo_surface_destroy);
  return y + row_height + PAD;
}
