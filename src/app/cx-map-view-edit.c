/* cx-map-view-edit.c — editing on the map itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map has a cursor: the selected step's column and a row of it, its
 * header (the title) or one of the lanes, moved with Up and Down. Enter,
 * F2 or a double click on a text cell or a title opens an editor in its
 * place (a GtkEntry, a child of the map); Enter or leaving it commits,
 * Escape cancels. A step dragged by its header goes where it is dropped,
 * in its phase or another. Every change goes through the plan's history.
 */

#define G_LOG_DOMAIN "cx-map-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-map-view-private.h"

/* How far the pointer goes before a press on a step becomes a drag */
#define DRAG_THRESHOLD 8.0

/* Where @map shows in the widget, the pinned top rows included */
static void
map_to_widget_rect (CxMapView               *self,
                    const cairo_rectangle_t *map,
                    graphene_rect_t         *widget)
{
  _cx_map_view_map_to_widget (self, map, widget);
}

/* Where the cursor is on the map: the cell of the cursor's lane in the
 * selected step's column, or its header */
gboolean
_cx_map_view_get_cursor_rect (CxMapView         *self,
                              cairo_rectangle_t *rect)
{
  CxMapLayout *layout = cx_map_view_get_layout (self);

  if (layout == NULL || self->selected == NULL)
    return FALSE;

  if (self->cursor_lane != NULL)
    return cx_map_layout_get_cell_rect (layout, self->selected, self->cursor_lane, rect);

  return cx_map_layout_get_step_header_rect (layout, self->selected, rect);
}

/**
 * cx_map_view_get_cursor_lane:
 * @self: a #CxMapView
 *
 * Returns: (transfer none) (nullable): the lane of the cursor, or %NULL
 *   when it is on the step's header
 */
CxLane *
cx_map_view_get_cursor_lane (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), NULL);

  return self->cursor_lane;
}

void
cx_map_view_set_cursor_lane (CxMapView *self,
                             CxLane    *lane)
{
  cairo_rectangle_t rect;

  g_return_if_fail (CX_IS_MAP_VIEW (self));
  g_return_if_fail (lane == NULL || CX_IS_LANE (lane));

  g_set_object (&self->cursor_lane, lane);
  _cx_map_view_update_description (self);
  if (_cx_map_view_get_cursor_rect (self, &rect))
    cx_map_view_reveal (self, &rect);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), "cursor-lane");
}

/* Up and Down: from the header through the lanes, top to bottom */
void
_cx_map_view_move_cursor (CxMapView *self,
                          int        delta)
{
  guint n_lanes;
  int index;

  if (self->plan == NULL)
    return;
  if (self->selected == NULL)
    {
      _cx_map_view_select_index (self, 0);
      return;
    }

  n_lanes = cx_plan_get_n_lanes (self->plan);
  index = self->cursor_lane != NULL ? cx_plan_get_lane_index (self->plan, self->cursor_lane) : -1;
  index = CLAMP (index + delta, -1, (int) n_lanes - 1);
  cx_map_view_set_cursor_lane (self, index >= 0 ? cx_plan_get_lane (self->plan, index) : NULL);
}

/* ------------------------------------------------------------------ */
/* The editor in place                                                 */

static gboolean
unref_later (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
close_editor (CxMapView *self,
              gboolean   commit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *editor = self->editor;
  gboolean had_focus;

  if (editor == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));
  had_focus = gtk_widget_has_focus (editor) || gtk_widget_is_focus (editor) ||
              gtk_widget_get_focus_child (editor) != NULL;
  /* Closed before anything else, so the focus leaving it does not close
   * it twice */
  self->editor = NULL;
  gtk_widget_unparent (editor);

  if (commit && self->history != NULL && self->edit_step != NULL &&
      cx_step_get_plan (self->edit_step) == self->plan)
    {
      if (self->edit_lane != NULL)
        cx_edit_set_cell (self->history, self->edit_step, self->edit_lane, text, 0, &error);
      else
        cx_edit_set_text (self->history, self->edit_step, "title", text, 0, &error);
      cx_history_break_merge (self->history);
      if (error != NULL)
        gtk_widget_error_bell (GTK_WIDGET (self));
    }

  g_clear_object (&self->edit_step);
  g_clear_object (&self->edit_lane);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  /* Still in its own signal (Enter) or focus change: let go of it later */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unref_later, editor, NULL);
}

static void
on_editor_activate (CxMapView *self)
{
  close_editor (self, TRUE);
}

static gboolean
on_editor_key_pressed (CxMapView             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  close_editor (self, FALSE);
  return GDK_EVENT_STOP;
}

static gboolean
close_left_editor (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GtkWidget) editor = g_weak_ref_get (ref);
  CxMapView *self;

  g_weak_ref_clear (ref);
  g_free (ref);

  /* Still open, and still without the keyboard */
  if (editor == NULL || gtk_widget_get_parent (editor) == NULL)
    return G_SOURCE_REMOVE;
  self = CX_MAP_VIEW (gtk_widget_get_parent (editor));
  if (self->editor == editor && gtk_widget_get_focus_child (editor) == NULL &&
      !gtk_widget_has_focus (editor))
    close_editor (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
on_editor_focus_leave (CxMapView *self)
{
  GWeakRef *ref;

  if (self->editor == NULL)
    return;

  /* Clicking elsewhere keeps what was typed; the editor goes once the
   * focus has moved (not in the middle of moving it) */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self->editor);
  g_idle_add (close_left_editor, ref);
}

/**
 * cx_map_view_edit_cursor:
 * @self: a #CxMapView
 *
 * Opens the editor in place on the cursor: the step's title, or its cell
 * in a text lane. On the emotion or expectation lane, or without a
 * history, nothing opens.
 *
 * Returns: %TRUE if an editor opened
 */
gboolean
cx_map_view_edit_cursor (CxMapView *self)
{
  GtkEventController *controller;
  const char *text;

  g_return_val_if_fail (CX_IS_MAP_VIEW (self), FALSE);

  if (self->history == NULL || self->selected == NULL || self->editor != NULL)
    return FALSE;
  if (self->cursor_lane != NULL && !cx_lane_kind_holds_text (cx_lane_get_kind (self->cursor_lane)))
    return FALSE;

  g_set_object (&self->edit_step, self->selected);
  g_set_object (&self->edit_lane, self->cursor_lane);
  text = self->cursor_lane != NULL
         ? cx_step_lookup_cell (self->selected, cx_lane_get_id (self->cursor_lane))
         : cx_step_get_title (self->selected);

  self->editor = g_object_ref_sink (gtk_entry_new ());
  gtk_widget_add_css_class (self->editor, "cx-cell-editor");
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->cursor_lane != NULL
                                    ? (cx_lane_get_name (self->cursor_lane) != NULL
                                         ? cx_lane_get_name (self->cursor_lane)
                                         : cx_lane_get_id (self->cursor_lane))
                                    : _("Title"),
                                  -1);
  g_signal_connect_swapped (self->editor, "activate", G_CALLBACK (on_editor_activate), self);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_editor_key_pressed), self);
  gtk_widget_add_controller (self->editor, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_editor_focus_leave), self);
  gtk_widget_add_controller (self->editor, controller);

  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return TRUE;
}

/**
 * cx_map_view_get_editor:
 * @self: a #CxMapView
 *
 * Returns: (transfer none) (nullable): the editor open in place
 */
GtkWidget *
cx_map_view_get_editor (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), NULL);

  return self->editor;
}

void
_cx_map_view_cancel_edit (CxMapView *self)
{
  close_editor (self, FALSE);
}

static gboolean
cancel_edit_idle (gpointer user_data)
{
  _cx_map_view_cancel_edit (user_data);
  return G_SOURCE_REMOVE;
}

/* The editor over its cell, at least wide enough to type in */
void
_cx_map_view_allocate_editor (CxMapView *self)
{
  cairo_rectangle_t rect;
  graphene_rect_t area;
  int min_height, nat_height;

  if (self->editor == NULL)
    return;

  if (self->edit_step == NULL || cx_step_get_plan (self->edit_step) != self->plan ||
      !(self->edit_lane != NULL
          ? cx_map_layout_get_cell_rect (cx_map_view_get_layout (self), self->edit_step,
                                         self->edit_lane, &rect)
          : cx_map_layout_get_step_header_rect (cx_map_view_get_layout (self), self->edit_step,
                                                &rect)))
    {
      /* What it edits is gone (undone, deleted): nothing to commit to,
       * and no widget may leave in the middle of an allocation */
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, cancel_edit_idle, g_object_ref (self),
                       g_object_unref);
      return;
    }

  map_to_widget_rect (self, &rect, &area);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1,
                      &min_height, &nat_height, NULL, NULL);
  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) {
                              (int) area.origin.x,
                              (int) area.origin.y,
                              MAX ((int) area.size.width, 160),
                              MAX (nat_height, MIN ((int) area.size.height, 3 * nat_height)),
                            },
                            -1);
}

void
_cx_map_view_snapshot_editor (CxMapView   *self,
                              GtkSnapshot *snapshot)
{
  if (self->editor != NULL)
    gtk_widget_snapshot_child (GTK_WIDGET (self), self->editor, snapshot);
}

/* ------------------------------------------------------------------ */
/* Dragging a step                                                     */

/* Where a step dropped at @map_x goes: its phase, and its index there
 * once it has left its place */
static gboolean
drop_target (CxMapView *self,
             CxStep    *dragged,
             double     map_x,
             CxPhase   *phase,
             int       *position,
             double    *marker_x)
{
  CxMapLayout *layout = cx_map_view_get_layout (self);
  double best_distance = G_MAXDOUBLE;

  *phase = CX_PHASE_BEFORE;
  *position = -1;

  for (CxPhase p = 0; p < CX_N_PHASES; p++)
    {
      cairo_rectangle_t band;
      double distance;

      if (!cx_map_layout_get_phase_rect (layout, p, &band))
        continue;
      distance = map_x < band.x ? band.x - map_x
                 : map_x > band.x + band.width ? map_x - band.x - band.width : 0;
      if (distance < best_distance)
        {
          best_distance = distance;
          *phase = p;
        }
    }
  if (best_distance == G_MAXDOUBLE)
    return FALSE;

  /* Before the first step whose middle is past the pointer */
  {
    guint n = cx_plan_get_n_steps (self->plan, *phase);
    int index = 0, skipped = 0;
    cairo_rectangle_t column, band;

    cx_map_layout_get_phase_rect (layout, *phase, &band);
    *marker_x = band.x + band.width;
    for (guint i = 0; i < n; i++)
      {
        CxStep *step = cx_plan_get_step (self->plan, *phase, i);

        if (!cx_map_layout_get_step_rect (layout, step, &column))
          continue;
        if (map_x < column.x + column.width / 2)
          {
            *marker_x = column.x - 8;
            break;
          }
        index = i + 1;
        if (step == dragged)
          skipped = 1;
      }
    if (index == 0)
      *marker_x = MIN (*marker_x, band.x + 2);
    *position = index - (cx_step_get_phase (dragged) == *phase ? skipped : 0);
  }

  return TRUE;
}

static void
on_drag_begin (CxMapView      *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  CxMapLayout *layout = cx_map_view_get_layout (self);
  cairo_rectangle_t header;
  double map_x, map_y;
  CxStep *step;

  self->dragging = FALSE;
  g_clear_object (&self->drag_step);
  if (layout == NULL || self->history == NULL || x < _cx_map_view_get_header_width (self))
    return;

  /* a header pinned at the top is taken where it shows */
  _cx_map_view_widget_to_map (self, x, y, &map_x, &map_y);
  step = cx_map_layout_step_at (layout, map_x, map_y);
  /* A step is taken by its header card */
  if (step != NULL && cx_map_layout_get_step_header_rect (layout, step, &header) &&
      map_y >= header.y && map_y < header.y + header.height)
    g_set_object (&self->drag_step, step);
}

static void
on_drag_update (CxMapView      *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  double start_x, start_y;
  CxPhase phase;
  int position;

  if (self->drag_step == NULL)
    return;

  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  if (!self->dragging)
    {
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  self->drag_map_x = (_cx_map_view_adjustment_value (self->hadjustment) + start_x + dx) /
                     self->zoom;
  if (!drop_target (self, self->drag_step, self->drag_map_x, &phase, &position,
                    &self->drag_marker_x))
    self->drag_marker_x = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (CxMapView      *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CxStep) step = g_steal_pointer (&self->drag_step);
  CxPhase phase;
  int position;
  double marker;

  if (!self->dragging || step == NULL)
    return;

  self->dragging = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (cx_step_get_plan (step) != self->plan ||
      !drop_target (self, step, self->drag_map_x, &phase, &position, &marker))
    return;

  if (!cx_edit_move_step (self->history, step, phase, position, &error))
    gtk_widget_error_bell (GTK_WIDGET (self));
  cx_map_view_set_selected_step (self, step);
}

void
_cx_map_view_snapshot_drag (CxMapView   *self,
                            GtkSnapshot *snapshot)
{
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1.0 };   /* GNOME blue 3, the accent */
  double x, height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->dragging || self->drag_marker_x < 0)
    return;

  /* Where the step will go: a bar between two columns */
  x = self->drag_marker_x * self->zoom - _cx_map_view_adjustment_value (self->hadjustment);
  gtk_snapshot_append_color (snapshot, &accent,
                             &GRAPHENE_RECT_INIT ((float) x - 2, 0, 4, (float) height));
}

/* The cursor's cell, outlined while the map has the keyboard */
void
_cx_map_view_snapshot_cursor (CxMapView   *self,
                              GtkSnapshot *snapshot)
{
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1.0 };
  cairo_rectangle_t rect;
  graphene_rect_t area;
  GskRoundedRect outline;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4] = { accent, accent, accent, accent };

  if (self->editor != NULL || !gtk_widget_has_focus (GTK_WIDGET (self)) ||
      !_cx_map_view_get_cursor_rect (self, &rect))
    return;

  map_to_widget_rect (self, &rect, &area);
  gsk_rounded_rect_init_from_rect (&outline, &area, 6);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* Input of the map's own editing: a drag on a step's header */
void
_cx_map_view_edit_init (CxMapView *self)
{
  GtkGesture *gesture = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

void
_cx_map_view_edit_dispose (CxMapView *self)
{
  if (self->editor != NULL)
    {
      gtk_widget_unparent (self->editor);
      g_clear_object (&self->editor);
    }
  g_clear_object (&self->edit_step);
  g_clear_object (&self->edit_lane);
  g_clear_object (&self->drag_step);
  g_clear_object (&self->cursor_lane);
  g_clear_object (&self->history);
}

/**
 * cx_map_view_set_history:
 * @self: a #CxMapView
 * @history: (nullable): the history of the plan shown, which makes the
 *   map editable
 */
void
cx_map_view_set_history (CxMapView *self,
                         CxHistory *history)
{
  g_return_if_fail (CX_IS_MAP_VIEW (self));
  g_return_if_fail (history == NULL || CX_IS_HISTORY (history));

  close_editor (self, FALSE);
  g_set_object (&self->history, history);
}
