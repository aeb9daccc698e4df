/* test-map-input.c — zooming the map: pinch, Ctrl+wheel, keys, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pinch is driven through the map's own GtkGestureZoom, its signals
 * emitted as GTK emits them: no touch device can be faked on X. The wheel
 * and the keys are real input: XTest events into the X server, which GTK
 * reads back as any other, so the modifier state, the pointer position,
 * the accelerators and the scrolled window all take part. Those tests
 * need XTest on an X11 display (the suite runs under xvfb-run), and run
 * alone, as the pointer and the keyboard are the display's.
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "cx-gui-test.h"
#include "cx-map-view-private.h"

#ifdef CX_GUI_TEST_HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#endif

#define EPSILON 1e-9

typedef struct
{
  CxWindow           *window;
  CxMapView          *view;
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  GtkEventController *pointer;      /* the test's own, to see where GTK puts it */
  double              pointer_x;
  double              pointer_y;
  guint               n_motions;
  guint               n_zoom_notifies;
} Fixture;

static void
on_zoom_notify (Fixture *f)
{
  f->n_zoom_notifies++;
}

static void
on_pointer_motion (Fixture *f,
                   double   x,
                   double   y)
{
  f->pointer_x = x;
  f->pointer_y = y;
  f->n_motions++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");

  f->window = cx_gui_test_new_window ();
  f->view = f->window->map_view;
  cx_gui_test_open_and_wait (f->window, path, CX_DOCUMENT_LOAD_DEFAULT);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (f->view));
  cx_gui_test_settle ();

  f->hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->view));
  f->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
  g_assert_nonnull (f->hadjustment);
  g_assert_nonnull (f->vadjustment);

  f->pointer = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (f->pointer, "enter", G_CALLBACK (on_pointer_motion), f);
  g_signal_connect_swapped (f->pointer, "motion", G_CALLBACK (on_pointer_motion), f);
  gtk_widget_add_controller (GTK_WIDGET (f->view), f->pointer);

  g_signal_connect_swapped (f->view, "notify::zoom", G_CALLBACK (on_zoom_notify), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->view, f);
  gtk_widget_remove_controller (GTK_WIDGET (f->view), f->pointer);
  cx_gui_test_destroy_window (f->window);
}

/* ------------------------------------------------------------------ */
/* Geometry                                                            */

static double
zoom_of (Fixture *f)
{
  return cx_map_view_get_zoom (f->view);
}

/* The point of the map under (@x, @y) of the view, in map units */
static void
map_point_at (Fixture *f,
              double   x,
              double   y,
              double  *map_x,
              double  *map_y)
{
  *map_x = (gtk_adjustment_get_value (f->hadjustment) + x) / zoom_of (f);
  *map_y = (gtk_adjustment_get_value (f->vadjustment) + y) / zoom_of (f);
}

static gboolean
adjustment_is_inside (GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);

  return value > 0 &&
         value < gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
}

/* Zooms to @zoom and scrolls to the middle of the map both ways, so that
 * a zoom anchored anywhere in view moves the scroll position freely: the
 * anchor then stays put exactly, not as near as an edge allows */
static void
zoom_and_center (Fixture *f,
                 double   zoom)
{
  GtkAdjustment *adjustments[] = { f->hadjustment, f->vadjustment };

  cx_map_view_set_zoom (f->view, zoom);
  cx_gui_test_settle ();
  g_assert_cmpfloat_with_epsilon (zoom_of (f), zoom, EPSILON);

  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    {
      double room = gtk_adjustment_get_upper (adjustments[i]) -
                    gtk_adjustment_get_page_size (adjustments[i]);

      g_assert_cmpfloat (room, >, 0);
      gtk_adjustment_set_value (adjustments[i], room / 2);
    }
}

/* Asserts that (@map_x, @map_y) is still under (@x, @y), and that the
 * scroll position did not have to stop at an edge for it */
static void
assert_anchored (Fixture *f,
                 double   x,
                 double   y,
                 double   map_x,
                 double   map_y)
{
  double now_x, now_y;

  map_point_at (f, x, y, &now_x, &now_y);
  g_assert_cmpfloat_with_epsilon (now_x, map_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (now_y, map_y, 1e-6);
  g_assert_true (adjustment_is_inside (f->hadjustment));
  g_assert_true (adjustment_is_inside (f->vadjustment));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        {
          g_assert_null (found);
          found = controller;
        }
    }
  g_assert_nonnull (found);

  return found;
}

/* ------------------------------------------------------------------ */
/* Pinch                                                               */

static void
pinch_begin (GtkGesture *pinch)
{
  g_signal_emit_by_name (pinch, "begin", NULL);
}

static void
pinch_to (GtkGesture *pinch,
          double      scale)
{
  g_signal_emit_by_name (pinch, "scale-changed", scale);
}

static void
pinch_end (GtkGesture *pinch)
{
  g_signal_emit_by_name (pinch, "end", NULL);
}

static void
test_pinch (Fixture       *f,
            gconstpointer  data)
{
  GtkGesture *pinch = GTK_GESTURE (find_controller (GTK_WIDGET (f->view),
                                                    GTK_TYPE_GESTURE_ZOOM));
  /* With no touch points to take the centre of (none can be faked), the
   * view takes its own middle as the pinch's centre */
  double center_x = gtk_widget_get_width (GTK_WIDGET (f->view)) / 2.0;
  double center_y = gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0;
  double map_x, map_y, start;
  guint notifies;

  zoom_and_center (f, 1.5);
  map_point_at (f, center_x, center_y, &map_x, &map_y);
  start = zoom_of (f);

  /* The scale is the fingers' distance against the one at the start:
   * each is a factor of the zoom the gesture began at, not of the last */
  pinch_begin (pinch);
  g_assert_cmpfloat_with_epsilon (zoom_of (f), start, EPSILON);
  notifies = f->n_zoom_notifies;
  pinch_to (pinch, 1.25);
  g_assert_cmpfloat_with_epsilon (zoom_of (f), start * 1.25, EPSILON);
  g_assert_cmpuint (f->n_zoom_notifies, ==, notifies + 1);
  assert_anchored (f, center_x, center_y, map_x, map_y);
  pinch_to (pinch, 1.6);
  g_assert_cmpfloat_with_epsilon (zoom_of (f), start * 1.6, EPSILON);
  assert_anchored (f, center_x, center_y, map_x, map_y);
  pinch_to (pinch, 0.8);
  g_assert_cmpfloat_with_epsilon (zoom_of (f), start * 0.8, EPSILON);
  assert_anchored (f, center_x, center_y, map_x, map_y);
  pinch_end (pinch);
  g_assert_cmpfloat_with_epsilon (zoom_of (f), start * 0.8, EPSILON);

  /* The next pinch starts from where this one left the zoom */
  start = zoom_of (f);
  pinch_begin (pinch);
  pinch_to (pinch, 1.5);
  g_assert_cmpfloat_with_epsilon (zoom_of (f), start * 1.5, EPSILON);
  assert_anchored (f, center_x, center_y, map_x, map_y);

  /* No further than the limits, either way, however far the fingers go;
   * and nothing is said when nothing changes */
  pinch_to (pinch, 1000);
  g_assert_cmpfloat (zoom_of (f), ==, CX_MAP_VIEW_ZOOM_MAX);
  notifies = f->n_zoom_notifies;
  pinch_to (pinch, 2000);
  g_assert_cmpfloat (zoom_of (f), ==, CX_MAP_VIEW_ZOOM_MAX);
  g_assert_cmpuint (f->n_zoom_notifies, ==, notifies);
  pinch_to (pinch, 1e-4);
  g_assert_cmpfloat (zoom_of (f), ==, CX_MAP_VIEW_ZOOM_MIN);
  pinch_end (pinch);

  /* Zoomed out that far the map fits: it is shown from its start */
  g_assert_cmpfloat (gtk_adjustment_get_value (f->hadjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (f->vadjustment), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static gboolean
strv_contains (const char * const *strv,
               const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}

static void
assert_accel_activates (const char *accel,
                        const char *action)
{
  GtkApplication *app = GTK_APPLICATION (cx_gui_test_get_application ());
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, accel);

  g_assert_true (strv_contains ((const char * const *) actions, action));
}

static void
test_zoom_actions (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  CxWindow *empty = cx_gui_test_new_window ();

  /* The keys a user presses name the window's zoom actions */
  assert_accel_activates ("<Control>plus", "map.zoom-in");
  assert_accel_activates ("<Control>equal", "map.zoom-in");
  assert_accel_activates ("<Control>KP_Add", "map.zoom-in");
  assert_accel_activates ("<Control>minus", "map.zoom-out");
  assert_accel_activates ("<Control>KP_Subtract", "map.zoom-out");
  assert_accel_activates ("<Control>0", "map.zoom-reset");
  assert_accel_activates ("<Control>KP_0", "map.zoom-reset");

  /* Activated on the window, as an accelerator does when the map does
   * not have the focus: they reach the map */
  g_assert_cmpfloat (zoom_of (f), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (window, "map.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (zoom_of (f), CX_MAP_VIEW_ZOOM_STEP, EPSILON);
  g_assert_true (gtk_widget_activate_action (window, "map.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (zoom_of (f), CX_MAP_VIEW_ZOOM_STEP * CX_MAP_VIEW_ZOOM_STEP,
                                  EPSILON);
  g_assert_true (gtk_widget_activate_action (window, "map.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (zoom_of (f), CX_MAP_VIEW_ZOOM_STEP, EPSILON);
  g_assert_true (gtk_widget_activate_action (window, "map.zoom-reset", NULL));
  g_assert_cmpfloat (zoom_of (f), ==, 1.0);

  /* Held down, they stop at the limits */
  for (guint i = 0; i < 40; i++)
    gtk_widget_activate_action (window, "map.zoom-in", NULL);
  g_assert_cmpfloat (zoom_of (f), ==, CX_MAP_VIEW_ZOOM_MAX);
  for (guint i = 0; i < 40; i++)
    gtk_widget_activate_action (window, "map.zoom-out", NULL);
  g_assert_cmpfloat (zoom_of (f), ==, CX_MAP_VIEW_ZOOM_MIN);
  g_assert_true (gtk_widget_activate_action (window, "map.zoom-reset", NULL));
  g_assert_cmpfloat (zoom_of (f), ==, 1.0);

  /* With no plan, there is nothing to zoom */
  gtk_widget_activate_action (GTK_WIDGET (empty), "map.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (empty), "map.zoom-out", NULL);
  g_assert_cmpfloat (cx_map_view_get_zoom (empty->map_view), ==, 1.0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (empty->main_stack), ==, "welcome");

  cx_gui_test_destroy_window (empty);
}

/* The zoom row's last button: every lane in the window, never above 100% */
static void
test_zoom_fit (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  g_autofree char *label = NULL;
  double map_width, map_height, height, fit;

  cx_map_layout_get_size (cx_map_view_get_layout (f->view), &map_width, &map_height);
  height = gtk_widget_get_height (GTK_WIDGET (f->view));
  fit = height / map_height;
  /* the sample is taller than the window, or the test would show nothing */
  g_assert_cmpfloat (fit, <, 1.0);

  zoom_and_center (f, 2.0);
  g_assert_true (gtk_widget_activate_action (window, "map.zoom-fit", NULL));
  g_assert_cmpfloat_with_epsilon (zoom_of (f), fit, EPSILON);
  /* from the top, and the whole height in view */
  g_assert_cmpfloat (gtk_adjustment_get_value (f->vadjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (f->vadjustment), <=, height + 1);

  /* The level is shown in the zoom row, and the row resets it */
  label = g_strdup_printf ("%.0f%%", fit * 100);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (f->window->zoom_level_button)), ==, label);
  g_signal_emit_by_name (f->window->zoom_level_button, "clicked");
  g_assert_cmpfloat (zoom_of (f), ==, 1.0);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (f->window->zoom_level_button)), ==,
                   "100%");
}

/* A map shorter than the window: fitting it does not blow it up */
static void
test_zoom_fit_short (void)
{
  static const char short_plan[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.0\">\n"
    "  <title>One lane</title>\n"
    "  <lanes><lane id=\"actions\" kind=\"actions\"><name>Actions</name></lane></lanes>\n"
    "  <phases><phase kind=\"before\"/><phase kind=\"during\"/><phase kind=\"after\"/>"
    "<phase kind=\"recovery\"/></phases>\n"
    "</cxplan>\n";
  g_autofree char *dir = g_dir_make_tmp ("cxplan-zoom-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "short.cxplan", NULL);
  CxWindow *window = cx_gui_test_new_window ();
  double map_width, map_height;

  g_assert_true (g_file_set_contents (path, short_plan, -1, NULL));
  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));

  cx_map_layout_get_size (cx_map_view_get_layout (window->map_view), &map_width, &map_height);
  g_assert_cmpfloat (map_height, <, gtk_widget_get_height (GTK_WIDGET (window->map_view)));

  cx_map_view_set_zoom (window->map_view, 0.5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "map.zoom-fit", NULL));
  g_assert_cmpfloat (cx_map_view_get_zoom (window->map_view), ==, 1.0);

  cx_gui_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Real input                                                          */

#ifdef CX_GUI_TEST_HAVE_XTEST

static Display *
x_display (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

/* Skips the test, saying why, unless XTest events can be sent */
static gboolean
can_send_input (void)
{
  int event_base, error_base, major, minor;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs an X11 display to send input to");
      return FALSE;
    }
  if (!XTestQueryExtension (x_display (), &event_base, &error_base, &major, &minor))
    {
      g_test_skip ("the X server has no XTest extension");
      return FALSE;
    }

  return TRUE;
}

/* The top left corner of @window's surface, on the screen */
static void
surface_origin (CxWindow *window,
                int      *root_x,
                int      *root_y)
{
  Display *display = x_display ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Window child;

  XTranslateCoordinates (display, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (display), 0, 0, root_x, root_y, &child);
}

static void
sync_input (void)
{
  XSync (x_display (), False);
}

/* Moves the pointer over (@x, @y) of the map view, and waits until GTK
 * has seen it there: after whatever input was sent before */
static void
move_pointer_to (Fixture *f,
                 double   x,
                 double   y)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (f->view));
  graphene_point_t point;
  double surface_x, surface_y;
  int origin_x, origin_y, root_x, root_y;
  guint n_motions = f->n_motions;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->view), GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  surface_origin (f->window, &origin_x, &origin_y);
  root_x = origin_x + (int) round (point.x + surface_x);
  root_y = origin_y + (int) round (point.y + surface_y);

  /* From one pixel aside: a move to where it is already is no event */
  XTestFakeMotionEvent (x_display (), -1, root_x + 1, root_y, CurrentTime);
  XTestFakeMotionEvent (x_display (), -1, root_x, root_y, CurrentTime);
  sync_input ();
  WAIT_FOR (f->n_motions > n_motions &&
            fabs (f->pointer_x - x) < 1 && fabs (f->pointer_y - y) < 1);
}

/* Moves the pointer off the window, and waits until GTK has seen it go */
static void
move_pointer_away (Fixture *f)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  Display *display = x_display ();
  int origin_x, origin_y, root_x, root_y;

  surface_origin (f->window, &origin_x, &origin_y);
  root_x = origin_x + gdk_surface_get_width (surface) + 8;
  root_y = origin_y + gdk_surface_get_height (surface) + 8;
  g_assert_cmpint (root_x, <, DisplayWidth (display, DefaultScreen (display)));
  g_assert_cmpint (root_y, <, DisplayHeight (display, DefaultScreen (display)));

  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  sync_input ();
  WAIT_FOR (!gtk_event_controller_motion_contains_pointer (
              GTK_EVENT_CONTROLLER_MOTION (f->pointer)));
}

static void
press_key (KeySym   keysym,
           gboolean press)
{
  KeyCode keycode = XKeysymToKeycode (x_display (), keysym);

  g_assert_cmpuint (keycode, !=, 0);
  XTestFakeKeyEvent (x_display (), keycode, press, CurrentTime);
}

/* Turns the wheel a notch, down or up, with Ctrl held or not; every key
 * is let go of before this returns */
static void
turn_wheel (gboolean down,
            gboolean with_control)
{
  guint button = down ? 5 : 4;

  if (with_control)
    press_key (XK_Control_L, TRUE);
  XTestFakeButtonEvent (x_display (), button, True, CurrentTime);
  XTestFakeButtonEvent (x_display (), button, False, CurrentTime);
  if (with_control)
    press_key (XK_Control_L, FALSE);
  sync_input ();
}

/* Types Ctrl+@keysym (Shift too when @with_shift) */
static void
type_control (KeySym   keysym,
              gboolean with_shift)
{
  press_key (XK_Control_L, TRUE);
  if (with_shift)
    press_key (XK_Shift_L, TRUE);
  press_key (keysym, TRUE);
  press_key (keysym, FALSE);
  if (with_shift)
    press_key (XK_Shift_L, FALSE);
  press_key (XK_Control_L, FALSE);
  sync_input ();
}

static void
wait_for_zoom (Fixture *f,
               double   zoom)
{
  WAIT_FOR (fabs (zoom_of (f) - zoom) < EPSILON);
}

static void
test_control_wheel (Fixture       *f,
                    gconstpointer  data)
{
  double x, y, map_x, map_y, start, scrolled;

  if (!can_send_input ())
    return;

  zoom_and_center (f, 1.5);
  start = zoom_of (f);

  /* Right of the lane names, off the middle: where the pointer is counts */
  x = round (gtk_widget_get_width (GTK_WIDGET (f->view)) * 0.7);
  y = round (gtk_widget_get_height (GTK_WIDGET (f->view)) * 0.3);
  move_pointer_to (f, x, y);
  x = f->pointer_x;
  y = f->pointer_y;
  map_point_at (f, x, y, &map_x, &map_y);

  /* A notch up zooms in at the pointer, one down zooms back out */
  turn_wheel (FALSE, TRUE);
  wait_for_zoom (f, start * CX_MAP_VIEW_WHEEL_ZOOM_STEP);
  assert_anchored (f, x, y, map_x, map_y);

  turn_wheel (TRUE, TRUE);
  wait_for_zoom (f, start);
  assert_anchored (f, x, y, map_x, map_y);

  /* Turned on and on, no further than the limits: the pointer moved
   * after the notches says when GTK has seen them all */
  for (guint i = 0; i < 20; i++)
    turn_wheel (FALSE, TRUE);
  move_pointer_to (f, x, y);
  g_assert_cmpfloat (zoom_of (f), ==, CX_MAP_VIEW_ZOOM_MAX);
  for (guint i = 0; i < 70; i++)
    turn_wheel (TRUE, TRUE);
  move_pointer_to (f, x, y);
  g_assert_cmpfloat (zoom_of (f), ==, CX_MAP_VIEW_ZOOM_MIN);

  /* Without Ctrl the wheel scrolls the map, and leaves the zoom alone */
  zoom_and_center (f, 1.5);
  move_pointer_to (f, x, y);
  scrolled = gtk_adjustment_get_value (f->vadjustment);
  turn_wheel (TRUE, FALSE);
  WAIT_FOR (gtk_adjustment_get_value (f->vadjustment) > scrolled);
  cx_gui_test_settle ();
  g_assert_cmpfloat (zoom_of (f), ==, 1.5);
}

static void
test_zoom_keys (Fixture       *f,
                gconstpointer  data)
{
  double center_x = gtk_widget_get_width (GTK_WIDGET (f->view)) / 2.0;
  double center_y = gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0;
  double x, y, map_x, map_y, start;

  if (!can_send_input ())
    return;

  WAIT_FOR (gtk_window_is_active (GTK_WINDOW (f->window)));
  zoom_and_center (f, 1.5);
  start = zoom_of (f);

  /* The pointer elsewhere: the keys zoom at the middle of the view */
  move_pointer_away (f);
  map_point_at (f, center_x, center_y, &map_x, &map_y);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->view)));

  type_control (XK_equal, FALSE);
  wait_for_zoom (f, start * CX_MAP_VIEW_ZOOM_STEP);
  assert_anchored (f, center_x, center_y, map_x, map_y);
  type_control (XK_minus, FALSE);
  wait_for_zoom (f, start);
  assert_anchored (f, center_x, center_y, map_x, map_y);
  /* Ctrl+plus, as typed on a keyboard where + is shifted = */
  type_control (XK_equal, TRUE);
  wait_for_zoom (f, start * CX_MAP_VIEW_ZOOM_STEP);
  type_control (XK_KP_Subtract, FALSE);
  wait_for_zoom (f, start);
  type_control (XK_KP_Add, FALSE);
  wait_for_zoom (f, start * CX_MAP_VIEW_ZOOM_STEP);
  assert_anchored (f, center_x, center_y, map_x, map_y);

  /* With the focus out of the map, in the findings, the keys still zoom */
  type_control (XK_i, FALSE);
  WAIT_FOR (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                    GTK_WIDGET (f->window->findings_panel)));
  type_control (XK_0, FALSE);
  wait_for_zoom (f, 1.0);
  type_control (XK_KP_Add, FALSE);
  wait_for_zoom (f, CX_MAP_VIEW_ZOOM_STEP);
  type_control (XK_minus, FALSE);
  wait_for_zoom (f, 1.0);

  /* The pointer over the map: they zoom at the pointer */
  zoom_and_center (f, 1.5);
  x = round (gtk_widget_get_width (GTK_WIDGET (f->view)) * 0.6);
  y = round (gtk_widget_get_height (GTK_WIDGET (f->view)) * 0.7);
  move_pointer_to (f, x, y);
  x = f->pointer_x;
  y = f->pointer_y;
  map_point_at (f, x, y, &map_x, &map_y);
  type_control (XK_minus, FALSE);
  wait_for_zoom (f, 1.5 / CX_MAP_VIEW_ZOOM_STEP);
  assert_anchored (f, x, y, map_x, map_y);
}

static void
tap_key (KeySym keysym)
{
  press_key (keysym, TRUE);
  press_key (keysym, FALSE);
  sync_input ();
}

/* The map's cursor and its editor in place, from the keyboard alone */
static void
test_edit_keys (Fixture       *f,
                gconstpointer  data)
{
  CxPlan *plan = cx_map_view_get_plan (f->view);
  CxStep *step = cx_plan_get_step (plan, CX_PHASE_DURING, 0);
  CxLane *lane = cx_plan_get_lane (plan, 0);
  g_autofree char *text = g_strdup (cx_step_lookup_cell (step, cx_lane_get_id (lane)));
  GtkWidget *editor;

  if (!can_send_input ())
    return;

  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  cx_map_view_set_selected_step (f->view, step);
  g_assert_null (cx_map_view_get_cursor_lane (f->view));

  /* Down from the header to the first lane, and back */
  tap_key (XK_Down);
  WAIT_FOR (cx_map_view_get_cursor_lane (f->view) == lane);
  tap_key (XK_Up);
  WAIT_FOR (cx_map_view_get_cursor_lane (f->view) == NULL);
  tap_key (XK_Down);
  WAIT_FOR (cx_map_view_get_cursor_lane (f->view) == lane);

  /* Enter opens the cell; Escape cancels what was typed */
  tap_key (XK_Return);
  WAIT_FOR ((editor = cx_map_view_get_editor (f->view)) != NULL);
  tap_key (XK_x);
  WAIT_FOR (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (editor)), "x") ||
            g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editor)), "x") == 0);
  tap_key (XK_Escape);
  WAIT_FOR (cx_map_view_get_editor (f->view) == NULL);
  g_assert_cmpstr (cx_step_lookup_cell (step, cx_lane_get_id (lane)), ==, text);
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (f->view)));

  /* F2 opens it too; typing replaces the text selected; Enter commits */
  tap_key (XK_F2);
  WAIT_FOR ((editor = cx_map_view_get_editor (f->view)) != NULL);
  tap_key (XK_o);
  tap_key (XK_k);
  WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editor)), "ok") == 0);
  tap_key (XK_Return);
  WAIT_FOR (cx_map_view_get_editor (f->view) == NULL);
  g_assert_cmpstr (cx_step_lookup_cell (step, cx_lane_get_id (lane)), ==, "ok");

  /* Delete on the map deletes the step; Ctrl+Z brings it back */
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (f->view)));
  tap_key (XK_Delete);
  WAIT_FOR (cx_step_get_plan (step) == NULL);
  type_control (XK_z, FALSE);
  WAIT_FOR (cx_step_get_plan (step) == plan);
}

/* A step dragged by its header to after its neighbour */
static void
test_drag_step (Fixture       *f,
                gconstpointer  data)
{
  CxPlan *plan = cx_map_view_get_plan (f->view);
  CxMapLayout *layout = cx_map_view_get_layout (f->view);
  CxStep *first = cx_plan_get_step (plan, CX_PHASE_DURING, 0);
  CxStep *second = cx_plan_get_step (plan, CX_PHASE_DURING, 1);
  cairo_rectangle_t from, to;
  double zoom, x0, y0, x1;

  if (!can_send_input ())
    return;

  cx_map_view_set_zoom (f->view, 0.5);
  cx_gui_test_settle ();
  zoom = zoom_of (f);
  g_assert_true (cx_map_layout_get_step_header_rect (layout, first, &from));
  g_assert_true (cx_map_layout_get_step_rect (layout, second, &to));
  cx_map_view_reveal (f->view, &from);
  cx_gui_test_settle ();
  x0 = (from.x + from.width / 2) * zoom - gtk_adjustment_get_value (f->hadjustment);
  y0 = (from.y + from.height / 2) * zoom - gtk_adjustment_get_value (f->vadjustment);
  /* Past the middle of the second column */
  x1 = (to.x + to.width * 0.8) * zoom - gtk_adjustment_get_value (f->hadjustment);
  g_assert_cmpfloat (x1, <, gtk_widget_get_width (GTK_WIDGET (f->view)));

  move_pointer_to (f, x0, y0);
  XTestFakeButtonEvent (x_display (), 1, True, CurrentTime);
  sync_input ();
  cx_gui_test_settle ();
  for (int i = 1; i <= 10; i++)
    move_pointer_to (f, x0 + (x1 - x0) * i / 10, y0 + 2);
  XTestFakeButtonEvent (x_display (), 1, False, CurrentTime);
  sync_input ();

  WAIT_FOR (cx_plan_get_step (plan, CX_PHASE_DURING, 1) == first);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_DURING, 0) == second);
  g_assert_true (cx_map_view_get_selected_step (f->view) == first);

  /* Into another phase: the second step of "during" to the start of
   * "before", dropped before the first column there */
  {
    CxStep *before_first = cx_plan_get_step (plan, CX_PHASE_BEFORE, 0);
    guint n_before = cx_plan_get_n_steps (plan, CX_PHASE_BEFORE);

    g_assert_true (cx_map_layout_get_step_header_rect (cx_map_view_get_layout (f->view), first,
                                                       &from));
    g_assert_true (cx_map_layout_get_step_rect (cx_map_view_get_layout (f->view), before_first,
                                                &to));
    cx_map_view_reveal (f->view, &to);
    cx_gui_test_settle ();
    x0 = (from.x + from.width / 2) * zoom - gtk_adjustment_get_value (f->hadjustment);
    y0 = (from.y + from.height / 2) * zoom - gtk_adjustment_get_value (f->vadjustment);
    x1 = (to.x + to.width * 0.2) * zoom - gtk_adjustment_get_value (f->hadjustment);
    g_assert_cmpfloat (x0, <, gtk_widget_get_width (GTK_WIDGET (f->view)));
    g_assert_cmpfloat (x1, >, 0);

    move_pointer_to (f, x0, y0);
    XTestFakeButtonEvent (x_display (), 1, True, CurrentTime);
    sync_input ();
    cx_gui_test_settle ();
    for (int i = 1; i <= 10; i++)
      move_pointer_to (f, x0 + (x1 - x0) * i / 10, y0 + 2);
    XTestFakeButtonEvent (x_display (), 1, False, CurrentTime);
    sync_input ();

    WAIT_FOR (cx_step_get_phase (first) == CX_PHASE_BEFORE);
    g_assert_true (cx_plan_get_step (plan, CX_PHASE_BEFORE, 0) == first);
    g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_BEFORE), ==, n_before + 1);
  }
}

#else

static void
test_edit_keys (Fixture       *f,
                gconstpointer  data)
{
  g_test_skip ("built without XTest (libxtst-dev) to send input with");
}

static void
test_drag_step (Fixture       *f,
                gconstpointer  data)
{
  g_test_skip ("built without XTest (libxtst-dev) to send input with");
}

static void
test_control_wheel (Fixture       *f,
                    gconstpointer  data)
{
  g_test_skip ("built without XTest (libxtst-dev) to send input with");
}

static void
test_zoom_keys (Fixture       *f,
                gconstpointer  data)
{
  g_test_skip ("built without XTest (libxtst-dev) to send input with");
}

#endif

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/cxplan/map-input/pinch", Fixture, NULL,
              fixture_set_up, test_pinch, fixture_tear_down);
  g_test_add ("/cxplan/map-input/zoom-actions", Fixture, NULL,
              fixture_set_up, test_zoom_actions, fixture_tear_down);
  g_test_add ("/cxplan/map-input/zoom-fit", Fixture, NULL,
              fixture_set_up, test_zoom_fit, fixture_tear_down);
  g_test_add_func ("/cxplan/map-input/zoom-fit-short", test_zoom_fit_short);
  g_test_add ("/cxplan/map-input/control-wheel", Fixture, NULL,
              fixture_set_up, test_control_wheel, fixture_tear_down);
  g_test_add ("/cxplan/map-input/zoom-keys", Fixture, NULL,
              fixture_set_up, test_zoom_keys, fixture_tear_down);
  g_test_add ("/cxplan/map-input/edit-keys", Fixture, NULL,
              fixture_set_up, test_edit_keys, fixture_tear_down);
  g_test_add ("/cxplan/map-input/drag-step", Fixture, NULL,
              fixture_set_up, test_drag_step, fixture_tear_down);

  return cx_gui_test_run ();
}
