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
 * across its own pages. The cuts are the renderer's (cx-map-pages.c), the
 * same as a PDF export's.
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

struct _CxPrintOperation
{
  GtkPrintOperation  parent_instance;

  CxPlan            *plan;
  GPtrArray         *findings;

  /* Set in begin-print for the page size chosen */
  CxMapLayout       *layout;
  GArray            *columns;      /* of CxMapSpan: x ranges of the map, map units */
  GArray            *bands;        /* of CxMapSpan: y ranges of the map, map units */
  double             scale;
  double             title_height; /* points */
  double             legend_height;
  gboolean           legend_page;  /* the legend has a page of its own */
};

G_DEFINE_FINAL_TYPE (CxPrintOperation, cx_print_operation, GTK_TYPE_PRINT_OPERATION)

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

  /* Cut where PDF export cuts too: between columns, then lanes */
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  self->columns = cx_map_layout_paginate_columns (self->layout,
                                                  page_width / self->scale - header_width);
  self->bands = cx_map_layout_paginate_bands (self->layout, available / self->scale,
                                              page_height / self->scale);

  /* The legend under the last band if it fits there, else on a page of
   * its own */
  last_band = g_array_index (self->bands, CxMapSpan, self->bands->len - 1).end -
              g_array_index (self->bands, CxMapSpan, self->bands->len - 1).start;
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
  double y = 0;
  guint n_map_pages = cx_print_operation_get_n_map_pages (self);
  const CxMapSpan *column, *band;

  g_return_if_fail (self->layout != NULL);

  if ((guint) page_nr >= n_map_pages)
    {
      cx_map_render_legend (self->layout, cr, page_width, theme);
      return;
    }

  /* Across first, then down: a band of lanes at a time */
  column = &g_array_index (self->columns, CxMapSpan, page_nr % self->columns->len);
  band = &g_array_index (self->bands, CxMapSpan, page_nr / self->columns->len);

  if (page_nr == 0)
    {
      cairo_save (cr);
      cx_map_render_title_block (self->layout, cr, page_width, theme);
      cairo_restore (cr);
      y = self->title_height;
    }

  /* The lane names on every page, this page's columns beside them */
  cairo_save (cr);
  cairo_translate (cr, 0, y);
  cairo_scale (cr, self->scale, self->scale);
  cx_map_render_page (self->layout, cr, column, band, &options);
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
