/* test-map-reach.c — the map for every reader: pinned top rows, high
 * contrast, large text, the zoom a window keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb, in real windows. What the map shows is read from what its
 * snapshot() draws, rendered to an image: the same nodes GTK puts on the
 * screen. Clicks go through the map's own click gesture.
 */

#include "config.h"

#include <math.h>

#include "cx-gui-test.h"

/* What the map view draws now, as an image of its size */
static cairo_surface_t *
draw_view (CxMapView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          double           x,
          double           y,
          const CxColor   *color)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (gconstpointer)
    (data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);
  double r = ((pixel >> 16) & 0xff) / 255.0, g = ((pixel >> 8) & 0xff) / 255.0,
         b = (pixel & 0xff) / 255.0;

  return fabs (r - color->red) < 3 / 255.0 && fabs (g - color->green) < 3 / 255.0
         && fabs (b - color->blue) < 3 / 255.0;
}

/* Presses the primary button at (@x, @y) of the map, through its gesture */
static void
click_view (CxMapView *view,
            double     x,
            double     y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  GtkGesture *click = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
}

static CxWindow *
open_sample (const char *name)
{
  g_autofree char *path = cx_gui_test_sample_path (name);
  CxWindow *window = cx_gui_test_new_window ();

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));
  cx_gui_test_settle ();

  return window;
}

/* ------------------------------------------------------------------ */
/* The top rows, pinned                                                */

/* Scrolled down, the phase bands and step headers are still at the top,
 * and a click on a header there selects its step */
static void
test_pinned_top_rows (void)
{
  CxWindow *window = open_sample ("team-gear-store.cxplan");
  CxMapView *view = window->map_view;
  CxMapLayout *layout = cx_map_view_get_layout (view);
  const CxMapTheme *theme = cx_map_view_get_theme (view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  CxStep *second = cx_map_layout_get_step (layout, 1);
  cairo_rectangle_t band, header, cell;
  cairo_surface_t *surface;
  double zoom, scroll, x, y;

  cx_map_view_set_zoom (view, 1.0);
  cx_gui_test_settle ();
  zoom = cx_map_view_get_zoom (view);
  g_assert_cmpfloat (cx_map_view_get_pinned_height (view), ==,
                     cx_map_layout_get_top_height (layout) * zoom);

  /* Down by more than the top rows' height */
  scroll = MIN (400, gtk_adjustment_get_upper (vadjustment)
                     - gtk_adjustment_get_page_size (vadjustment));
  g_assert_cmpfloat (scroll, >, cx_map_layout_get_top_height (layout) * zoom);
  gtk_adjustment_set_value (vadjustment, scroll);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, scroll);

  /* The first band where it is unscrolled, in its phase's colour */
  g_assert_true (cx_map_layout_get_phase_rect (layout, CX_PHASE_BEFORE, &band));
  surface = draw_view (view);
  x = (band.x + band.width - 6) * zoom;
  y = (band.y + band.height / 2) * zoom;
  g_assert_true (pixel_is (surface, x, y, &theme->phase[CX_PHASE_BEFORE]));
  /* and under it, the step header card's fill, not a lane's */
  g_assert_true (cx_map_layout_get_step_header_rect (layout, second, &header));
  g_assert_true (pixel_is (surface, (header.x + header.width / 2) * zoom,
                           (header.y + header.height - 4) * zoom, &theme->card));
  /* the corner names the rows, on the lane names' ground */
  g_assert_true (pixel_is (surface, 4, y, &theme->header));
  cairo_surface_destroy (surface);

  /* A click on the pinned header selects that step, not what scrolled
   * under it */
  click_view (view, (header.x + header.width / 2) * zoom, (header.y + 40) * zoom);
  g_assert_true (cx_map_view_get_selected_step (view) == second);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, scroll);

  /* Below the pinned rows, a click is on the map as scrolled: the first
   * step's column, in a lane far down */
  g_assert_true (cx_map_layout_get_cell_rect (layout, cx_map_layout_get_step (layout, 0),
                                              cx_plan_get_lane (cx_map_view_get_plan (view), 3),
                                              &cell));
  click_view (view, (cell.x + 10) * zoom, cell.y * zoom - scroll + 10);
  g_assert_true (cx_map_view_get_selected_step (view) == cx_map_layout_get_step (layout, 0));

  /* Zoomed in so far that the top rows would fill the view, they scroll */
  cx_map_view_set_zoom (view, CX_MAP_VIEW_ZOOM_MAX);
  cx_gui_test_settle ();
  g_assert_cmpfloat (cx_map_view_get_pinned_height (view), ==, 0);

  cx_gui_test_destroy_window (window);
}

/* A cell under the pinned rows is revealed below them, not behind them */
static void
test_reveal_below_pinned (void)
{
  CxWindow *window = open_sample ("team-gear-store.cxplan");
  CxMapView *view = window->map_view;
  CxMapLayout *layout = cx_map_view_get_layout (view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  CxPlan *plan = cx_map_view_get_plan (view);
  cairo_rectangle_t cell, top;
  double zoom, pinned, shown_at;

  cx_map_view_set_zoom (view, 1.0);
  cx_gui_test_settle ();
  zoom = cx_map_view_get_zoom (view);
  pinned = cx_map_view_get_pinned_height (view);
  g_assert_cmpfloat (pinned, >, 0);

  /* Scrolled to the end, then a cell of the first lane brought back */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  g_assert_true (cx_map_layout_get_cell_rect (layout, cx_map_layout_get_step (layout, 0),
                                              cx_plan_get_lane (plan, 0), &cell));
  cx_map_view_reveal (view, &cell);
  shown_at = cell.y * zoom - gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (shown_at, >=, pinned - 0.5);

  /* A step's header needs no scrolling down: it is pinned */
  gtk_adjustment_set_value (vadjustment, 300);
  g_assert_true (cx_map_layout_get_step_header_rect (layout, cx_map_layout_get_step (layout, 2),
                                                     &top));
  cx_map_view_reveal (view, &top);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 300);

  cx_gui_test_destroy_window (window);
}

/* ------------------------------------------------------------------ */
/* Large text                                                          */

/* GNOME's text-scaling-factor 1.5 reaches GTK as gtk-xft-dpi 144: the
 * whole map grows by 1.5, live, at the zoom the user chose */
static void
test_text_scale (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  CxWindow *window = open_sample ("team-gear-store.cxplan");
  CxMapView *view = window->map_view;
  CxMapLayout *layout = cx_map_view_get_layout (view);
  const CxMapTheme *theme = cx_map_view_get_theme (view);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double map_width, map_height, x, y;
  cairo_rectangle_t band, header;
  cairo_surface_t *surface;
  int old_dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &old_dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024, NULL);
  cx_gui_test_settle ();
  g_assert_cmpfloat (cx_map_view_get_text_scale (view), ==, 1.0);
  cx_map_view_set_zoom (view, 1.0);
  cx_map_layout_get_size (layout, &map_width, &map_height);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), ==, ceil (map_width));

  g_object_set (settings, "gtk-xft-dpi", 144 * 1024, NULL);
  WAIT_FOR (cx_map_view_get_text_scale (view) == 1.5);

  /* The zoom is still the user's 100%; the map is half as large again */
  g_assert_cmpfloat (cx_map_view_get_zoom (view), ==, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), ==, ceil (map_width * 1.5));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), ==, ceil (map_height * 1.5));
  g_assert_cmpfloat (cx_map_view_get_pinned_height (view), ==,
                     cx_map_layout_get_top_height (layout) * 1.5);

  /* and drawn so: the first band runs from 1.5 times its top to 1.5
   * times its bottom, past where the step headers began at 100% */
  gtk_adjustment_set_value (hadjustment, 0);
  gtk_adjustment_set_value (vadjustment, 0);
  g_assert_true (cx_map_layout_get_phase_rect (layout, CX_PHASE_BEFORE, &band));
  surface = draw_view (view);
  x = (band.x + 60) * 1.5;
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (view)));
  y = band.y * 1.5;
  g_assert_true (pixel_is (surface, x, y - 3, &theme->background));
  g_assert_true (pixel_is (surface, x, y + 3, &theme->phase[CX_PHASE_BEFORE]));
  y = (band.y + band.height) * 1.5;
  g_assert_true (cx_map_layout_get_step_header_rect (layout, cx_map_layout_get_step (layout, 0),
                                                     &header));
  g_assert_cmpfloat (y - 3, >, header.y);
  g_assert_true (pixel_is (surface, x, y - 3, &theme->phase[CX_PHASE_BEFORE]));
  g_assert_true (pixel_is (surface, x, y + 3, &theme->background));
  cairo_surface_destroy (surface);

  /* Zoom in and back to 100%: still at the text's scale */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.zoom-in", NULL));
  g_assert_cmpfloat (cx_map_view_get_zoom (view), >, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (cx_map_view_get_zoom (view), 1.0, 1e-9);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), ==, ceil (map_width * 1.5));

  /* And back, live */
  g_object_set (settings, "gtk-xft-dpi", old_dpi, NULL);
  WAIT_FOR (cx_map_view_get_text_scale (view) == (old_dpi > 0 ? old_dpi / (96.0 * 1024) : 1.0));
  g_assert_cmpfloat_with_epsilon (cx_map_view_get_zoom (view), 1.0, 1e-9);

  cx_gui_test_destroy_window (window);
}

/* ------------------------------------------------------------------ */
/* The zoom a window keeps                                             */

/* The zoom of the window closed last is the next window's; each open
 * window keeps its own */
static void
test_zoom_remembered (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autoptr(GSettings) settings = NULL;
  CxWindow *first = open_sample ("team-gear-store.cxplan");
  CxWindow *second, *third;

  g_assert_nonnull (first->settings);
  settings = g_object_ref (first->settings);
  g_assert_cmpfloat (cx_map_view_get_zoom (first->map_view), ==, 1.0);

  cx_map_view_set_zoom (first->map_view, 1.44);
  gtk_window_close (GTK_WINDOW (first));
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (first)));
  g_assert_cmpfloat (g_settings_get_double (settings, "map-zoom"), ==, 1.44);
  cx_gui_test_destroy_window (first);

  /* A new window opens at it, and keeps it for the plan it opens */
  second = cx_gui_test_new_window ();
  g_assert_cmpfloat_with_epsilon (cx_map_view_get_zoom (second->map_view), 1.44, 1e-9);
  cx_gui_test_open_and_wait (second, path, CX_DOCUMENT_LOAD_DEFAULT);
  g_assert_cmpfloat_with_epsilon (cx_map_view_get_zoom (second->map_view), 1.44, 1e-9);

  /* A third window zoomed otherwise leaves the second alone */
  third = cx_gui_test_new_window ();
  cx_map_view_set_zoom (third->map_view, 0.5);
  g_assert_cmpfloat_with_epsilon (cx_map_view_get_zoom (second->map_view), 1.44, 1e-9);

  /* the one closed last is remembered */
  gtk_window_close (GTK_WINDOW (third));
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (third)));
  g_assert_cmpfloat (g_settings_get_double (settings, "map-zoom"), ==, 0.5);

  cx_gui_test_destroy_window (third);
  cx_gui_test_destroy_window (second);
  g_settings_reset (settings, "map-zoom");
}

/* ------------------------------------------------------------------ */
/* High contrast                                                       */

/* With GNOME's high contrast on, the map takes its high contrast palette,
 * live, and draws in it */
static void
test_high_contrast (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) a11y = NULL;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  CxWindow *window;
  CxMapLayout *layout;
  CxStep *step = NULL;
  cairo_rectangle_t card;
  cairo_surface_t *surface;
  const CxMapTheme *theme;
  CxColor plain_border;
  double x, y;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "high-contrast"))
    {
      g_test_skip ("no org.gnome.desktop.a11y.interface schema (gsettings-desktop-schemas)");
      return;
    }

  window = open_sample ("team-gear-store.cxplan");
  theme = cx_map_view_get_theme (window->map_view);
  g_assert_false (theme->high_contrast);

  /* The left edge of the first card with a solid border, halfway down */
  cx_map_view_set_zoom (window->map_view, 1.0);
  layout = cx_map_view_get_layout (window->map_view);
  for (guint i = 0; i < cx_map_layout_get_n_steps (layout) && step == NULL; i++)
    {
      CxEvidence evidence = cx_step_get_evidence (cx_map_layout_get_step (layout, i));

      if (evidence == CX_EVIDENCE_NONE || evidence == CX_EVIDENCE_OBSERVED)
        step = cx_map_layout_get_step (layout, i);
    }
  g_assert_nonnull (step);
  g_assert_true (cx_map_layout_get_step_header_rect (layout, step, &card));
  x = card.x;
  y = card.y + card.height / 2;
  plain_border = cx_step_get_evidence (step) == CX_EVIDENCE_NONE ? theme->grid
                                                                : theme->card_border;
  cx_gui_test_settle ();
  surface = draw_view (window->map_view);
  g_assert_true (pixel_is (surface, x, y, &plain_border));
  cairo_surface_destroy (surface);

  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  WAIT_FOR (adw_style_manager_get_high_contrast (style_manager));
  theme = cx_map_view_get_theme (window->map_view);
  g_assert_true (theme->high_contrast);
  g_assert_true (theme == cx_map_theme_get_for (CX_MAP_STYLE_HIGH_CONTRAST
                                                | (adw_style_manager_get_dark (style_manager)
                                                   ? CX_MAP_STYLE_DARK : 0)));

  /* drawn in it: a step's card has the firm border of high contrast,
   * where the plain style draws a faint one */
  cx_gui_test_settle ();
  surface = draw_view (window->map_view);
  g_assert_true (pixel_is (surface, x, y, &theme->card_border));
  g_assert_false (pixel_is (surface, x, y, &plain_border));
  cairo_surface_destroy (surface);

  g_settings_reset (a11y, "high-contrast");
  WAIT_FOR (!adw_style_manager_get_high_contrast (style_manager));
  g_assert_false (cx_map_view_get_theme (window->map_view)->high_contrast);

  cx_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/cxplan/map-reach/pinned-top-rows", test_pinned_top_rows);
  g_test_add_func ("/cxplan/map-reach/reveal-below-pinned", test_reveal_below_pinned);
  g_test_add_func ("/cxplan/map-reach/text-scale", test_text_scale);
  g_test_add_func ("/cxplan/map-reach/zoom-remembered", test_zoom_remembered);
  g_test_add_func ("/cxplan/map-reach/high-contrast", test_high_contrast);

  return cx_gui_test_run ();
}
