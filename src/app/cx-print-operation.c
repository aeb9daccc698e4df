/* cx-print-operation.c — printing the journey map over pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Landscape by default. The map is scaled so that one page holds the full
 * height of the lanes when that stays legible, and cut between step
 * columns into as many pages across as it takes; the lane names are
 * repeated at the left of every page, the title block heads the first
 * page and the legend ends the last (on a page of its own when it does
 * not fit under the map). When even the smallest legible scale cannot
 * hold the lanes, they are cut between lanes into bands, each printed
 * across its own pages.
 */

#define G_LOG_DOMAIN "cx-print-operation"

#include "config.h"

#include <math.h>

#include "cx-map.h"
#include "cx-print-operation.h"

/* The map's text is drawn down to 6 units high; on paper, below this
 * scale its smaller text would be dropped or print under 6 pt */
#define MIN_SCALE 0.6
/* Between the title block, the map and the legend, in points */
#define GAP 12.0

typedef struct
{
  double start;
  double end;
} Span;

struct _CxPrintOperation
{
  GtkPrintOperation  parent_instance;

  CxPlan            *plan;
  GPtrArray         *findings;

  /* Set in begin-print for the page size chosen */
  CxMapLayout       *layout;
  GArray            *columns;      /* of Span: x ranges of the map, map units */
  GArray            *bands;        /* of Span: y ranges of the map, map units */
  double             scale;
  double             title_height; /* points */
  double             legend_height;
  gboolean           legend_page;  /* the legend has a page of its own */
};

G_DEFINE_FINAL_TYPE (CxPrintOperation, cx_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
add_span (GArray *spans,
          double  start,
          double  end)
{
  Span span = { start, end };

  g_array_append_val (spans, span);
}

/* Cuts the map's width into pages, between step columns */
static void
cx_print_operation_paginate_columns (CxPrintOperation *self,
                                     double            available)
{
  double map_width, map_height, start;
  guint n_steps = cx_map_layout_get_n_steps (self->layout);

  cx_map_layout_get_size (self->layout, &map_width, &map_height);
  start = cx_map_layout_get_header_width (self->layout);

  g_array_set_size (self->columns, 0);
  for (guint i = 0; i < n_steps; i++)
    {
      cairo_rectangle_t rect;

      if (!cx_map_layout_get_step_rect (self->layout, cx_map_layout_get_step (self->layout, i),
                                        &rect))
        continue;
      if (rect.x + rect.width - start > available && rect.x > start)
        {
          add_span (self->columns, start, rect.x);
          start = rect.x;
        }
    }
  add_span (self->columns, start, MAX (map_width, start));
}

/* Cuts the map's height into pages, between lanes, when it must; the
 * first band shares its page with the title block */
static void
cx_print_operation_paginate_bands (CxPrintOperation *self,
                                   double            first_available,
                                   double            next_available)
{
  double map_width, map_height, start = 0;
  double available = first_available;
  guint n_lanes = cx_plan_get_n_lanes (self->plan);

  cx_map_layout_get_size (self->layout, &map_width, &map_height);

  g_array_set_size (self->bands, 0);
  for (guint i = 0; i < n_lanes && map_height - start > available; i++)
    {
      cairo_rectangle_t rect;

      if (!cx_map_layout_get_lane_rect (self->layout, cx_plan_get_lane (self->plan, i), &rect))
        continue;
      if (rect.y + rect.height - start > available && rect.y > start)
        {
          add_span (self->bands, start, rect.y);
          start = rect.y;
          available = next_available;
        }
    }
  /* What is left (the failures row, or a lane taller than a page) */
  while (map_height - start > available)
    {
      add_span (self->bands, start, start + available);
      start += available;
      available = next_available;
    }
  add_span (self->bands, start, map_height);
}

static guint
cx_print_operation_get_n_map_pages (CxPrintOperation *self)
{
  return self->columns->len * self->bands->len;
}

static void
cx_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (operation);
  const CxMapTheme *theme = cx_map_theme_get (FALSE);
  CxMapLayoutOptions options = { .phase = -1, .font_family = NULL };
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double map_width, map_height, header_width, available, last_band, used;

  g_clear_pointer (&self->layout, cx_map_layout_unref);
  self->layout = cx_map_layout_new (self->plan, self->findings, &options);
  cx_map_layout_get_size (self->layout, &map_width, &map_height);
  header_width = cx_map_layout_get_header_width (self->layout);

  self->title_height = cx_map_render_title_block (self->layout, NULL, page_width, theme) + GAP;
  self->legend_height = cx_map_render_legend (self->layout, NULL, page_width, theme);

  /* One scale for every page: the full height of the lanes under the
   * title block if that stays legible, else bands of lanes at the
   * smallest legible scale */
  available = MAX (page_height - self->title_height, page_height / 2);
  self->scale = CLAMP (available / MAX (map_height, 1), MIN_SCALE, 1.0);
  self->scale = MIN (self->scale, page_width / MAX (header_width * 2, 1));

  cx_print_operation_paginate_columns (self, page_width / self->scale - header_width);
  cx_print_operation_paginate_bands (self, available / self->scale, page_height / self->scale);

  /* The legend under the last band if it fits there, else on a page of
   * its own */
  last_band = g_array_index (self->bands, Span, self->bands->len - 1).end -
              g_array_index (self->bands, Span, self->bands->len - 1).start;
  used = last_band * self->scale + (cx_print_operation_get_n_map_pages (self) == 1
                                      ? self->title_height : 0);
  self->legend_page = used + GAP + self->legend_height > page_height;

  g_debug ("Printing at %.2f on %.0f×%.0f pt: %u columns, %u bands, legend %s",
           self->scale, page_width, page_height, self->columns->len, self->bands->len,
           self->legend_page ? "on its own page" : "under the map");
  gtk_print_operation_set_n_pages (operation,
                                   cx_print_operation_get_n_map_pages (self) +
                                   (self->legend_page ? 1 : 0));
}

static void
cx_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (operation);
  const CxMapTheme *theme = cx_map_theme_get (FALSE);
  CxMapRenderOptions options = { theme, NULL, self->scale };
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double header_width, y = 0;
  guint n_map_pages = cx_print_operation_get_n_map_pages (self);
  const Span *column, *band;
  cairo_rectangle_t area;

  g_return_if_fail (self->layout != NULL);

  if ((guint) page_nr >= n_map_pages)
    {
      cx_map_render_legend (self->layout, cr, page_width, theme);
      return;
    }

  /* Across first, then down: a band of lanes at a time */
  column = &g_array_index (self->columns, Span, page_nr % self->columns->len);
  band = &g_array_index (self->bands, Span, page_nr / self->columns->len);
  header_width = cx_map_layout_get_header_width (self->layout);

  if (page_nr == 0)
    {
      cairo_save (cr);
      cx_map_render_title_block (self->layout, cr, page_width, theme);
      cairo_restore (cr);
      y = self->title_height;
    }

  area.y = band->start;
  area.height = band->end - band->start;

  cairo_save (cr);
  cairo_translate (cr, 0, y);
  cairo_scale (cr, self->scale, self->scale);

  /* The lane names, on every page */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, header_width, area.height);
  cairo_clip (cr);
  cairo_translate (cr, 0, -area.y);
  area.x = 0;
  area.width = header_width;
  cx_map_render_lane_headers (self->layout, cr, &area, &options);
  cairo_restore (cr);

  /* This page's columns, beside them */
  cairo_save (cr);
  cairo_rectangle (cr, header_width, 0, column->end - column->start, area.height);
  cairo_clip (cr);
  cairo_translate (cr, header_width - column->start, -area.y);
  area.x = column->start;
  area.width = column->end - column->start;
  cx_map_render (self->layout, cr, &area, &options);
  cairo_restore (cr);

  cairo_restore (cr);

  if ((guint) page_nr + 1 == n_map_pages && !self->legend_page)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, page_height - self->legend_height);
      cx_map_render_legend (self->layout, cr, page_width, theme);
      cairo_restore (cr);
    }
}

static void
cx_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (operation);

  g_clear_pointer (&self->layout, cx_map_layout_unref);
}

static void
cx_print_operation_finalize (GObject *object)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->layout, cx_map_layout_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);

  G_OBJECT_CLASS (cx_print_operation_parent_class)->finalize (object);
}

static void
cx_print_operation_class_init (CxPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = cx_print_operation_finalize;

  operation_class->begin_print = cx_print_operation_begin_print;
  operation_class->draw_page = cx_print_operation_draw_page;
  operation_class->end_print = cx_print_operation_end_print;
}

static void
cx_print_operation_init (CxPrintOperation *self)
{
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();

  self->columns = g_array_new (FALSE, FALSE, sizeof (Span));
  self->bands = g_array_new (FALSE, FALSE, sizeof (Span));

  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
}

/**
 * cx_print_operation_new:
 * @plan: the plan to print
 * @findings: (nullable) (element-type CxFinding): its findings
 *
 * Returns: (transfer full): an operation to run
 */
CxPrintOperation *
cx_print_operation_new (CxPlan    *plan,
                        GPtrArray *findings)
{
  CxPrintOperation *self;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  self = g_object_new (CX_TYPE_PRINT_OPERATION, NULL);
  self->plan = g_object_ref (plan);
  self->findings = findings != NULL ? g_ptr_array_ref (findings) : NULL;

  if (cx_plan_get_title (plan) != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), cx_plan_get_title (plan));

  return self;
}
