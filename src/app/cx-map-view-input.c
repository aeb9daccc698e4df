/* cx-map-view-input.c — keys, clicks, scrolling and pinching on the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input comes through event controllers (as in GNOME Calendar's week
 * grid) and ends in the map's actions, so keys, menus, accelerators and
 * tests all go through the same map.* actions.
 */

#define G_LOG_DOMAIN "cx-map-view"

#include "config.h"

#include <math.h>

#include "cx-map-view-private.h"

/* From the widget's pixels to the map's units, the pinned top rows
 * included (cx-map-view.c) */
static void
widget_to_map (CxMapView *self,
               double     x,
               double     y,
               double    *map_x,
               double    *map_y)
{
  _cx_map_view_widget_to_map (self, x, y, map_x, map_y);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

/* Menu or Shift+F10: the selected step's findings, as a click on its
 * badges shows them */
static void
show_findings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CxMapView *self = CX_MAP_VIEW (widget);
  CxStep *step = cx_map_view_get_selected_step (self);
  g_autoptr(GPtrArray) findings = cx_map_view_get_step_findings (self, step);

  if (findings->len > 0)
    _cx_map_view_emit_findings_activated (self, step);
  else
    gtk_widget_error_bell (widget);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _cx_map_view_zoom_by (CX_MAP_VIEW (widget), CX_MAP_VIEW_ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _cx_map_view_zoom_by (CX_MAP_VIEW (widget), 1.0 / CX_MAP_VIEW_ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CxMapView *self = CX_MAP_VIEW (widget);

  /* 100%, at the text scale */
  _cx_map_view_zoom_by (self, self->text_scale / self->zoom);
}

/* Fits the whole height of the map, every lane, in the view, keeping the
 * step at the left edge where it is; never larger than 100%, where a
 * small plan's text is already as legible as it gets */
static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CxMapView *self = CX_MAP_VIEW (widget);
  double map_width, map_height, zoom;
  int height = gtk_widget_get_height (widget);

  if (self->layout == NULL || height <= 0)
    return;

  cx_map_layout_get_size (self->layout, &map_width, &map_height);
  zoom = MIN (self->text_scale, height / map_height);
  _cx_map_view_set_zoom_at (self, zoom, _cx_map_view_get_header_width (self), 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

static void
select_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CxMapView *self = CX_MAP_VIEW (widget);
  int index = _cx_map_view_get_selected_index (self);

  _cx_map_view_select_index (self, index < 0 ? 0 : index - 1);
}

static void
select_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CxMapView *self = CX_MAP_VIEW (widget);

  _cx_map_view_select_index (self, _cx_map_view_get_selected_index (self) + 1);
}

static void
select_first_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _cx_map_view_select_index (CX_MAP_VIEW (widget), 0);
}

static void
select_last_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _cx_map_view_select_index (CX_MAP_VIEW (widget), G_MAXINT);
}

/* ------------------------------------------------------------------ */
/* Input                                                               */

static gboolean
on_key_pressed (CxMapView             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  const char *action = NULL;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      action = "map.select-previous";
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      action = "map.select-next";
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      action = "map.select-first";
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      action = "map.select-last";
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      _cx_map_view_move_cursor (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      _cx_map_view_move_cursor (self, +1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_F2:
      /* A title or a text cell opens in place; a chart lane's values are
       * set in the step's editor */
      if (self->selected != NULL && !cx_map_view_edit_cursor (self))
        _cx_map_view_emit_step_activated (self, self->selected);
      return GDK_EVENT_STOP;
    case GDK_KEY_space:
      if (self->selected != NULL)
        _cx_map_view_emit_step_activated (self, self->selected);
      return GDK_EVENT_STOP;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (self->selected == NULL)
        return GDK_EVENT_PROPAGATE;
      action = "win.delete-step";
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return GDK_EVENT_STOP;
}

static void
on_click_pressed (CxMapView       *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  CxStep *step = NULL;
  double map_x, map_y;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (cx_map_view_get_layout (self) == NULL || x < _cx_map_view_get_header_width (self))
    return;

  widget_to_map (self, x, y, &map_x, &map_y);
  step = cx_map_layout_step_at (self->layout, map_x, map_y);
  cx_map_view_set_selected_step (self, step);
  if (step != NULL)
    {
      cairo_rectangle_t badges;

      /* The row clicked is the cursor's; a double click edits it there */
      cx_map_view_set_cursor_lane (self, map_y >= cx_map_layout_get_top_height (self->layout)
                                           ? cx_map_layout_lane_at (self->layout, map_y) : NULL);
      if (n_press == 2)
        cx_map_view_edit_cursor (self);
      else if (cx_map_layout_get_step_badges_rect (self->layout, step, &badges) &&
               map_x >= badges.x && map_x < badges.x + badges.width &&
               map_y >= badges.y && map_y < badges.y + badges.height)
        {
          /* Its findings, where they are drawn (the window shows none
           * when there are none) */
          _cx_map_view_emit_step_activated (self, step);
          _cx_map_view_emit_findings_activated (self, step);
        }
      else
        _cx_map_view_emit_step_activated (self, step);
      return;
    }

  /* Outside every step: the phase there, for a step to be added to it
   * (an empty phase shows a place for one) */
  _cx_map_view_set_selected_phase (self, -1);
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    {
      cairo_rectangle_t band;

      if (cx_map_layout_get_phase_rect (self->layout, phase, &band) &&
          map_x >= band.x && map_x < band.x + band.width)
        _cx_map_view_set_selected_phase (self, phase);
    }
}

static gboolean
on_scroll (CxMapView                *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return GDK_EVENT_PROPAGATE;

  /* Ctrl+scroll zooms at the pointer; a wheel notch is 1, a touchpad less */
  _cx_map_view_set_zoom_at (self, self->zoom * pow (CX_MAP_VIEW_WHEEL_ZOOM_STEP, -dy),
                            self->pointer_x, self->pointer_y);
  return GDK_EVENT_STOP;
}

static void
on_motion (CxMapView                *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
}

static void
on_leave (CxMapView                *self,
          GtkEventControllerMotion *controller)
{
  self->pointer_inside = FALSE;
}

static void
on_zoom_begin (CxMapView        *self,
               GdkEventSequence *sequence,
               GtkGestureZoom   *gesture)
{
  self->zoom_at_gesture_begin = self->zoom;
}

static void
on_zoom_scale_changed (CxMapView      *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  /* At the fingers' centre; at the middle of the view when there are no
   * points to take it from (GTK would complain if asked), as when the
   * signal is emitted by hand */
  if (!gtk_gesture_is_active (GTK_GESTURE (gesture)) ||
      !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  _cx_map_view_set_zoom_at (self, self->zoom_at_gesture_begin * scale, x, y);
}

/* The whole text of what is under the pointer, which the map may have
 * cut short: a cell's text, or a step's title and owner in its header */
static gboolean
cx_map_view_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_tooltip,
                           GtkTooltip *tooltip)
{
  CxMapView *self = CX_MAP_VIEW (widget);
  g_autoptr(GString) text = NULL;
  cairo_rectangle_t rect;
  graphene_rect_t shown;
  GdkRectangle area;
  CxStep *step;
  CxLane *lane = NULL;
  double map_x, map_y;

  if (self->layout == NULL)
    return FALSE;

  if (keyboard_tooltip)
    {
      step = self->selected;
    }
  else
    {
      if (x < _cx_map_view_get_header_width (self))
        return FALSE;
      widget_to_map (self, x, y, &map_x, &map_y);
      step = cx_map_layout_step_at (self->layout, map_x, map_y);
      if (map_y >= cx_map_layout_get_top_height (self->layout))
        lane = cx_map_layout_lane_at (self->layout, map_y);
    }

  if (step == NULL)
    return FALSE;

  if (lane != NULL && cx_lane_kind_holds_text (cx_lane_get_kind (lane)))
    {
      const char *cell = cx_step_lookup_cell (step, cx_lane_get_id (lane));

      if (cell == NULL || !cx_map_layout_get_cell_rect (self->layout, step, lane, &rect))
        return FALSE;
      text = g_string_new (cell);
    }
  else if (lane == NULL && cx_step_get_title (step) != NULL)
    {
      text = g_string_new (cx_step_get_title (step));
      if (cx_step_get_owner (step) != NULL)
        g_string_append_printf (text, "\n%s", cx_step_get_owner (step));
      if (!cx_map_layout_get_step_header_rect (self->layout, step, &rect))
        cx_map_layout_get_step_rect (self->layout, step, &rect);
    }
  else
    {
      return FALSE;
    }

  gtk_tooltip_set_text (tooltip, text->str);

  /* So the tooltip follows the pointer from one cell to the next */
  _cx_map_view_map_to_widget (self, &rect, &shown);
  area.x = (int) floor (shown.origin.x);
  area.y = (int) floor (shown.origin.y);
  area.width = (int) ceil (shown.size.width);
  area.height = (int) ceil (shown.size.height);
  gtk_tooltip_set_tip_area (tooltip, &area);

  return TRUE;
}

/* ------------------------------------------------------------------ */

void
_cx_map_view_class_input_init (GtkWidgetClass *widget_class)
{
  widget_class->query_tooltip = cx_map_view_query_tooltip;

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "map.select-previous", NULL,
                                   select_previous_action);
  gtk_widget_class_install_action (widget_class, "map.select-next", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "map.select-first", NULL, select_first_action);
  gtk_widget_class_install_action (widget_class, "map.select-last", NULL, select_last_action);
  gtk_widget_class_install_action (widget_class, "map.show-findings", NULL, show_findings_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "map.show-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "map.show-findings", NULL);
}

void
_cx_map_view_input_init (CxMapView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* Ctrl+scroll zooms; plain scrolling goes on to the GtkScrolledWindow */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
