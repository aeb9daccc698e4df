/* cx-map-view.c — the journey map on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkWidget drawn in snapshot() through the renderer, as GNOME Calendar
 * draws its week grid: the layout is kept and rebuilt only when the plan
 * or its findings change, each frame draws only the rectangle in view,
 * and input comes through gesture controllers. The view is GtkScrollable,
 * so a GtkScrolledWindow around it gives the scroll bars; the lane-name
 * column is drawn last at the left edge, so it stays in view while the
 * map scrolls sideways, and the top rows (phase bands, step headers) are
 * pinned at the top edge, so they stay in view while it scrolls down,
 * with the corner between the two drawn over both (cx-map-view-draw.c).
 *
 * The view follows the plan's changes itself (CxPlan::changed): a text or
 * a value only redraws; what moves things (steps, lanes, failures, the
 * connections) marks the layout stale, and it is laid out again once,
 * when next needed (at the latest for the next frame).
 */

#define G_LOG_DOMAIN "cx-map-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cx-map-view-private.h"


enum {
  PROP_0,
  PROP_PLAN,
  PROP_SELECTED_STEP,
  PROP_CURSOR_LANE,
  PROP_ZOOM,
  PROP_TEXT_SCALE,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  STEP_ACTIVATED,
  FINDINGS_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CxMapView, cx_map_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* ------------------------------------------------------------------ */
/* Geometry                                                            */

static void cx_map_view_rebuild_layout (CxMapView *self,
                                        gboolean   keep_position);
static void on_plan_changed            (CxPlan       *plan,
                                        CxPlanChange  what,
                                        GObject      *object,
                                        CxMapView    *self);

/* The layout, laid out again first if the plan's geometry changed */
void
_cx_map_view_ensure_layout (CxMapView *self)
{
  if (!self->layout_stale)
    return;

  self->layout_stale = FALSE;
  cx_map_view_rebuild_layout (self, TRUE);
}

static void
cx_map_view_get_map_size (CxMapView *self,
                          double    *width,
                          double    *height)
{
  _cx_map_view_ensure_layout (self);
  *width = *height = 0;
  if (self->layout != NULL)
    cx_map_layout_get_size (self->layout, width, height);
}

double
_cx_map_view_get_header_width (CxMapView *self)
{
  _cx_map_view_ensure_layout (self);
  return self->layout != NULL ? cx_map_layout_get_header_width (self->layout) * self->zoom : 0;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         upper,
                      double         page_size)
{
  if (adjustment == NULL)
    return;

  upper = MAX (upper, page_size);
  gtk_adjustment_configure (adjustment,
                            CLAMP (value, 0, upper - page_size),
                            0, upper,
                            page_size * 0.1, page_size * 0.9, page_size);
}

/* Sets the scroll range for the zoom and the widget's size, and the
 * scroll position to (@x, @y) in device pixels, clamped */
static void
cx_map_view_update_adjustments (CxMapView *self,
                                double     x,
                                double     y)
{
  double map_width, map_height;

  g_assert (CX_IS_MAP_VIEW (self));

  cx_map_view_get_map_size (self, &map_width, &map_height);
  configure_adjustment (self->hadjustment, x, ceil (map_width * self->zoom),
                        gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, y, ceil (map_height * self->zoom),
                        gtk_widget_get_height (GTK_WIDGET (self)));
}

double
_cx_map_view_adjustment_value (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

/* Draws the map at @scale device pixels a map unit, keeping the map
 * point under (@anchor_x, @anchor_y), in widget coordinates, where it is */
static void
cx_map_view_apply_scale (CxMapView *self,
                         double     scale,
                         double     anchor_x,
                         double     anchor_y)
{
  double map_x, map_y;

  map_x = (_cx_map_view_adjustment_value (self->hadjustment) + anchor_x) / self->zoom;
  map_y = (_cx_map_view_adjustment_value (self->vadjustment) + anchor_y) / self->zoom;
  self->zoom = scale;
  cx_map_view_update_adjustments (self, map_x * scale - anchor_x, map_y * scale - anchor_y);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Changes the scale (the zoom times the text scale: what self->zoom
 * holds) keeping the map point under (@anchor_x, @anchor_y) where it is;
 * the zoom stays within its range */
void
_cx_map_view_set_zoom_at (CxMapView *self,
                          double     zoom,
                          double     anchor_x,
                          double     anchor_y)
{
  g_assert (CX_IS_MAP_VIEW (self));

  zoom = CLAMP (zoom, CX_MAP_VIEW_ZOOM_MIN * self->text_scale,
                CX_MAP_VIEW_ZOOM_MAX * self->text_scale);
  if (fabs (zoom - self->zoom) < 1e-9)
    return;

  cx_map_view_apply_scale (self, zoom, anchor_x, anchor_y);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The zoom from the keyboard or a menu: anchored at the pointer when it is
 * over the map, else at the middle of the view */
void
_cx_map_view_zoom_by (CxMapView *self,
                      double     factor)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (self->pointer_inside)
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }

  _cx_map_view_set_zoom_at (self, self->zoom * factor, x, y);
}

/* Scrolls @adjustment as little as needed to show [@start, @end), in
 * device pixels, in its page less @inset at the start (the lane-name
 * column). A range larger than the page only needs its start in view. */
static void
reveal_range (GtkAdjustment *adjustment,
              double         start,
              double         end,
              double         inset)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment) - inset;
  gboolean start_visible = start >= value + inset && start < value + inset + page;

  if (end - start <= page)
    {
      if (start < value + inset)
        value = start - inset;
      else if (end > value + inset + page)
        value = end - inset - page;
    }
  else if (!start_visible)
    {
      value = start - inset;
    }

  gtk_adjustment_set_value (adjustment, value);
}

/**
 * cx_map_view_reveal:
 * @self: a #CxMapView
 * @map_rect: a rectangle in map units
 *
 * Scrolls as little as needed to bring @map_rect into view, beside the
 * lane-name column and under the pinned top rows; when it is larger than
 * the view, its top left corner.
 */
void
cx_map_view_reveal (CxMapView               *self,
                    const cairo_rectangle_t *map_rect)
{
  double pinned;

  g_return_if_fail (CX_IS_MAP_VIEW (self));
  g_return_if_fail (map_rect != NULL);

  if (self->hadjustment == NULL || self->vadjustment == NULL)
    return;

  reveal_range (self->hadjustment, map_rect->x * self->zoom,
                (map_rect->x + map_rect->width) * self->zoom,
                _cx_map_view_get_header_width (self));

  /* what is in the pinned top rows is in view whatever the scroll;
   * what is under them must come out below them */
  pinned = cx_map_view_get_pinned_height (self);
  if (pinned > 0 && map_rect->y + map_rect->height <= cx_map_layout_get_top_height (self->layout))
    return;
  reveal_range (self->vadjustment, map_rect->y * self->zoom,
                (map_rect->y + map_rect->height) * self->zoom, pinned);
}

/* ------------------------------------------------------------------ */
/* Large text                                                          */

/* The text scaling factor, from the font resolution GTK gets from the
 * desktop: GNOME's text-scaling-factor 1.5 makes gtk-xft-dpi 144 × 1024.
 * The map's geometry is designed around its text, so the whole map
 * grows with it: the scale it is drawn at is the zoom times this. */
static void
cx_map_view_update_text_scale (CxMapView *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  double text_scale = 1.0, zoom;
  int dpi = -1;

  if (settings != NULL)
    g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi > 0)
    text_scale = CLAMP (dpi / (96.0 * 1024), CX_MAP_VIEW_TEXT_SCALE_MIN,
                        CX_MAP_VIEW_TEXT_SCALE_MAX);
  if (fabs (text_scale - self->text_scale) < 1e-9)
    return;

  /* The zoom stays; the map grows or shrinks about its top left corner */
  zoom = self->zoom / self->text_scale;
  self->text_scale = text_scale;
  cx_map_view_apply_scale (self, zoom * text_scale, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

static void
cx_map_view_root (GtkWidget *widget)
{
  CxMapView *self = CX_MAP_VIEW (widget);

  GTK_WIDGET_CLASS (cx_map_view_parent_class)->root (widget);

  /* The settings are the display's, known once the view is in a window */
  g_set_object (&self->settings, gtk_widget_get_settings (widget));
  g_signal_connect_object (self->settings, "notify::gtk-xft-dpi",
                           G_CALLBACK (cx_map_view_update_text_scale), self, G_CONNECT_SWAPPED);
  cx_map_view_update_text_scale (self);
}

static void
cx_map_view_unroot (GtkWidget *widget)
{
  CxMapView *self = CX_MAP_VIEW (widget);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, cx_map_view_update_text_scale, self);
  g_clear_object (&self->settings);

  GTK_WIDGET_CLASS (cx_map_view_parent_class)->unroot (widget);
}

/**
 * cx_map_view_get_text_scale:
 * @self: a #CxMapView
 *
 * Returns: the desktop's text scaling factor, which the map's text, and
 *   with it the whole map, is scaled by on top of the zoom
 */
double
cx_map_view_get_text_scale (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), 1.0);

  return self->text_scale;
}

static void
cx_map_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  /* Scrolled: any size will do */
  *minimum = 0;
  *natural = 200;
}

static void
cx_map_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  CxMapView *self = CX_MAP_VIEW (widget);

  /* Laid out again, if the plan changed, before the frame is drawn */
  _cx_map_view_ensure_layout (self);
  cx_map_view_update_adjustments (self,
                                  _cx_map_view_adjustment_value (self->hadjustment),
                                  _cx_map_view_adjustment_value (self->vadjustment));
  _cx_map_view_allocate_editor (self);
}

/* ------------------------------------------------------------------ */
/* Plan and selection                                                  */

/* A new plan is shown from its start; the same plan, checked again, stays
 * where it was scrolled to */
static void
cx_map_view_rebuild_layout (CxMapView *self,
                            gboolean   keep_position)
{
  g_assert (CX_IS_MAP_VIEW (self));

  g_clear_pointer (&self->layout, cx_map_layout_unref);
  g_clear_pointer (&self->header_node, gsk_render_node_unref);
  self->layout_stale = FALSE;
  g_clear_pointer (&self->top_node, gsk_render_node_unref);
  if (self->plan != NULL)
    {
      CxMapLayoutOptions options = { .phase = -1, .font_family = NULL,
                                     .persona = self->persona, .narrow = self->narrow };

      self->layout = cx_map_layout_new (self->plan, self->findings, &options);
    }

  if (keep_position)
    cx_map_view_update_adjustments (self,
                                    _cx_map_view_adjustment_value (self->hadjustment),
                                    _cx_map_view_adjustment_value (self->vadjustment));
  else
    cx_map_view_update_adjustments (self, 0, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The new layout, and the adjustments that follow from it, in the frame's
 * update phase: changed while the scrolled window allocates, they would
 * make it show or hide a scrollbar and lay itself out again, with the map
 * left unallocated for the frame's drawing */
static gboolean
relayout_tick (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  CxMapView *self = CX_MAP_VIEW (widget);

  self->relayout_tick = 0;
  if (self->layout_stale)
    {
      _cx_map_view_ensure_layout (self);
      cx_map_view_update_adjustments (self,
                                      _cx_map_view_adjustment_value (self->hadjustment),
                                      _cx_map_view_adjustment_value (self->vadjustment));
    }

  return G_SOURCE_REMOVE;
}

/* What changed decides what is done again: a redraw, or a new layout */
static void
on_plan_changed (CxPlan       *plan,
                 CxPlanChange  what,
                 GObject      *object,
                 CxMapView    *self)
{
  /* A lane renamed: the lane-name column is drawn again; any change may
   * be in a step's header, which the pinned top rows show */
  if (CX_IS_LANE (object) || (what & CX_PLAN_CHANGE_STRUCTURE))
    g_clear_pointer (&self->header_node, gsk_render_node_unref);
  g_clear_pointer (&self->top_node, gsk_render_node_unref);

  if (what & (CX_PLAN_CHANGE_STRUCTURE | CX_PLAN_CHANGE_GEOMETRY | CX_PLAN_CHANGE_SETTINGS))
    {
      self->layout_stale = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      if (self->relayout_tick == 0)
        self->relayout_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), relayout_tick,
                                                            NULL, NULL);
    }

  /* The step selected was deleted */
  if (self->selected != NULL && cx_step_get_plan (self->selected) != plan)
    cx_map_view_set_selected_step (self, NULL);
  else if (self->selected != NULL &&
           (object == G_OBJECT (self->selected) || CX_IS_LANE (object) ||
            (CX_IS_FAILURE (object) && cx_failure_get_step (CX_FAILURE (object)) == self->selected) ||
            (what & CX_PLAN_CHANGE_STRUCTURE)))
    _cx_map_view_update_description (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cx_map_view_set_findings:
 * @self: a #CxMapView
 * @findings: (nullable) (element-type CxFinding): the plan checked again
 *
 * Shows the badges of the findings of the plan checked again, without
 * laying the map out again.
 */
void
cx_map_view_set_findings (CxMapView *self,
                          GPtrArray *findings)
{
  g_return_if_fail (CX_IS_MAP_VIEW (self));

  if (findings == self->findings)
    return;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (findings != NULL)
    self->findings = g_ptr_array_ref (findings);
  if (self->layout != NULL && !self->layout_stale)
    cx_map_layout_set_findings (self->layout, findings);
  /* the badges in the step headers and phase bands */
  g_clear_pointer (&self->top_node, gsk_render_node_unref);
  _cx_map_view_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cx_map_view_set_persona:
 * @self: a #CxMapView
 * @persona_id: (nullable): a persona's id, to show only its journey (its
 *   steps and every persona's); %NULL for every step
 *
 * The step selected stays selected if it is in that journey.
 */
void
cx_map_view_set_persona (CxMapView  *self,
                         const char *persona_id)
{
  g_return_if_fail (CX_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->persona, persona_id) == 0)
    return;

  g_free (self->persona);
  self->persona = g_strdup (persona_id);
  cx_map_view_rebuild_layout (self, TRUE);
  if (self->selected != NULL && self->layout != NULL &&
      !cx_map_layout_shows_step (self->layout, self->selected))
    cx_map_view_set_selected_step (self, NULL);
}

const char *
cx_map_view_get_persona (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), NULL);

  return self->persona;
}

/**
 * cx_map_view_set_narrow:
 * @self: a #CxMapView
 * @narrow: whether the window is narrow
 *
 * In a narrow window the lane-name column narrows, to leave the map the
 * room a phone's width has.
 */
void
cx_map_view_set_narrow (CxMapView *self,
                        gboolean   narrow)
{
  g_return_if_fail (CX_IS_MAP_VIEW (self));

  narrow = !!narrow;
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;
  if (self->layout != NULL)
    cx_map_view_rebuild_layout (self, TRUE);
}

gboolean
cx_map_view_get_narrow (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), FALSE);

  return self->narrow;
}

/**
 * cx_map_view_get_selected_phase:
 * @self: a #CxMapView
 *
 * Returns: the phase of the step selected, or the phase chosen on the map
 *   without a step (an empty one's place), or -1
 */
int
cx_map_view_get_selected_phase (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), -1);

  if (self->selected != NULL)
    return cx_step_get_phase (self->selected);

  return self->selected_phase;
}

void
_cx_map_view_set_selected_phase (CxMapView *self,
                                 int        phase)
{
  self->selected_phase = phase;
}

/**
 * cx_map_view_set_plan:
 * @self: a #CxMapView
 * @plan: (nullable): the plan to show
 * @findings: (nullable) (element-type CxFinding): its findings, for the badges
 *
 * Shows @plan from its start, with nothing selected. Call it again when
 * the plan or its findings change: that is when the layout is rebuilt.
 */
void
cx_map_view_set_plan (CxMapView *self,
                      CxPlan    *plan,
                      GPtrArray *findings)
{
  gboolean plan_changed;

  g_return_if_fail (CX_IS_MAP_VIEW (self));
  g_return_if_fail (plan == NULL || CX_IS_PLAN (plan));

  plan_changed = plan != self->plan;
  if (plan_changed)
    {
      cx_map_view_set_selected_step (self, NULL);
      self->selected_phase = -1;
      /* Another plan's personas: every step */
      g_clear_pointer (&self->persona, g_free);
      if (self->plan != NULL)
        g_signal_handlers_disconnect_by_data (self->plan, self);
      if (plan != NULL)
        g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);
    }

  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (findings != NULL)
    self->findings = g_ptr_array_ref (findings);

  cx_map_view_rebuild_layout (self, !plan_changed);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  plan != NULL && cx_plan_get_title (plan) != NULL
                                    ? cx_plan_get_title (plan) : _("Journey map"),
                                  -1);

  if (plan_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

CxPlan *
cx_map_view_get_plan (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), NULL);

  return self->plan;
}

/**
 * cx_map_view_get_layout:
 * @self: a #CxMapView
 *
 * Returns: (transfer none) (nullable): the layout of the plan shown
 */
CxMapLayout *
cx_map_view_get_layout (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), NULL);

  _cx_map_view_ensure_layout (self);
  return self->layout;
}

CxStep *
cx_map_view_get_selected_step (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), NULL);

  return self->selected;
}

/**
 * cx_map_view_set_selected_step:
 * @self: a #CxMapView
 * @step: (nullable): a step of the plan shown, or %NULL
 *
 * Selects @step and scrolls its column into view.
 */
void
cx_map_view_set_selected_step (CxMapView *self,
                               CxStep    *step)
{
  g_return_if_fail (CX_IS_MAP_VIEW (self));
  g_return_if_fail (step == NULL || CX_IS_STEP (step));

  if (!g_set_object (&self->selected, step))
    return;

  if (step != NULL)
    self->selected_phase = -1;
  _cx_map_view_ensure_layout (self);
  if (step != NULL && self->layout != NULL)
    {
      cairo_rectangle_t rect;

      /* The column's header, not its full height, is what to bring in:
       * sideways only, while the top rows are pinned */
      if (cx_map_layout_get_step_header_rect (self->layout, step, &rect))
        cx_map_view_reveal (self, &rect);
    }

  _cx_map_view_update_description (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_STEP]);
}

/**
 * cx_map_view_get_zoom:
 * @self: a #CxMapView
 *
 * Returns: the zoom the user chose, 1 for 100%: the map is drawn at it
 *   times the text scale
 */
double
cx_map_view_get_zoom (CxMapView *self)
{
  g_return_val_if_fail (CX_IS_MAP_VIEW (self), 1.0);

  return self->zoom / self->text_scale;
}

void
cx_map_view_set_zoom (CxMapView *self,
                      double     zoom)
{
  g_return_if_fail (CX_IS_MAP_VIEW (self));

  _cx_map_view_set_zoom_at (self, zoom * self->text_scale, 0, 0);
}

/* Moves the selection to the column @index, clamped */
void
_cx_map_view_select_index (CxMapView *self,
                           int        index)
{
  guint n_steps;

  _cx_map_view_ensure_layout (self);
  if (self->layout == NULL)
    return;

  n_steps = cx_map_layout_get_n_steps (self->layout);
  if (n_steps == 0)
    return;

  index = CLAMP (index, 0, (int) n_steps - 1);
  cx_map_view_set_selected_step (self, cx_map_layout_get_step (self->layout, index));
}

int
_cx_map_view_get_selected_index (CxMapView *self)
{
  _cx_map_view_ensure_layout (self);
  if (self->layout == NULL || self->selected == NULL)
    return -1;

  return cx_map_layout_get_step_index (self->layout, self->selected);
}

void
_cx_map_view_emit_step_activated (CxMapView *self,
                                  CxStep    *step)
{
  g_assert (CX_IS_MAP_VIEW (self));

  g_signal_emit (self, signals[STEP_ACTIVATED], 0, step);
}

void
_cx_map_view_emit_findings_activated (CxMapView *self,
                                      CxStep    *step)
{
  g_signal_emit (self, signals[FINDINGS_ACTIVATED], 0, step);
}

/**
 * cx_map_view_get_step_findings:
 * @self: a #CxMapView
 * @step: a step shown
 *
 * Returns: (transfer container) (element-type CxFinding): the findings of
 *   @step and then of its failures, accepted ones included; empty when
 *   the step is not shown or has none
 */
GPtrArray *
cx_map_view_get_step_findings (CxMapView *self,
                               CxStep    *step)
{
  GPtrArray *all = g_ptr_array_new ();
  GPtrArray *findings;

  g_return_val_if_fail (CX_IS_MAP_VIEW (self), all);

  if (self->layout == NULL || step == NULL || !cx_map_layout_shows_step (self->layout, step))
    return all;

  findings = cx_map_layout_get_step_findings (self->layout, step);
  if (findings != NULL)
    g_ptr_array_extend (all, findings, NULL, NULL);
  for (guint i = 0; i < cx_step_get_n_failures (step); i++)
    {
      findings = cx_map_layout_get_failure_findings (self->layout, cx_step_get_failure (step, i));
      if (findings != NULL)
        g_ptr_array_extend (all, findings, NULL, NULL);
    }

  return all;
}

/**
 * cx_map_view_get_step_badges_rect:
 * @self: a #CxMapView
 * @step: a step shown
 * @rect: (out): where its finding badges are, in the view's coordinates
 *
 * Returns: whether @step is shown
 */
gboolean
cx_map_view_get_step_badges_rect (CxMapView    *self,
                                  CxStep       *step,
                                  GdkRectangle *rect)
{
  cairo_rectangle_t badges;
  graphene_rect_t shown;

  g_return_val_if_fail (CX_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (self->layout == NULL || !cx_map_layout_get_step_badges_rect (self->layout, step, &badges))
    return FALSE;

  _cx_map_view_map_to_widget (self, &badges, &shown);
  rect->x = (int) floor (shown.origin.x);
  rect->y = (int) floor (shown.origin.y);
  rect->width = MAX (1, (int) ceil (shown.size.width));
  rect->height = MAX (1, (int) ceil (shown.size.height));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
on_adjustment_value_changed (CxMapView     *self,
                             GtkAdjustment *adjustment)
{
  /* The editor in place scrolls with its cell */
  if (self->editor != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cx_map_view_set_adjustment (CxMapView      *self,
                            GtkAdjustment **slot,
                            GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_adjustment_value_changed), self, G_CONNECT_SWAPPED);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
cx_map_view_dispose (GObject *object)
{
  CxMapView *self = CX_MAP_VIEW (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  _cx_map_view_edit_dispose (self);
  if (self->relayout_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->relayout_tick);
      self->relayout_tick = 0;
    }
  g_clear_object (&self->selected);
  g_clear_pointer (&self->layout, cx_map_layout_unref);
  g_clear_pointer (&self->header_node, gsk_render_node_unref);
  g_clear_pointer (&self->top_node, gsk_render_node_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->persona, g_free);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cx_map_view_parent_class)->dispose (object);
}

static void
cx_map_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CxMapView *self = CX_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SELECTED_STEP:
      g_value_set_object (value, self->selected);
      break;
    case PROP_CURSOR_LANE:
      g_value_set_object (value, self->cursor_lane);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, cx_map_view_get_zoom (self));
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_map_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CxMapView *self = CX_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_STEP:
      cx_map_view_set_selected_step (self, g_value_get_object (value));
      break;
    case PROP_CURSOR_LANE:
      cx_map_view_set_cursor_lane (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      cx_map_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      cx_map_view_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      cx_map_view_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_map_view_class_init (CxMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cx_map_view_dispose;
  object_class->get_property = cx_map_view_get_property;
  object_class->set_property = cx_map_view_set_property;

  widget_class->snapshot = _cx_map_view_snapshot;
  widget_class->measure = cx_map_view_measure;
  widget_class->size_allocate = cx_map_view_size_allocate;
  widget_class->root = cx_map_view_root;
  widget_class->unroot = cx_map_view_unroot;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CX_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_STEP] =
    g_param_spec_object ("selected-step", NULL, NULL, CX_TYPE_STEP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The row of the selected step the keyboard is on: a lane, or NULL for
   * the step's header */
  properties[PROP_CURSOR_LANE] =
    g_param_spec_object ("cursor-lane", NULL, NULL, CX_TYPE_LANE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         CX_MAP_VIEW_ZOOM_MIN, CX_MAP_VIEW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         CX_MAP_VIEW_TEXT_SCALE_MIN, CX_MAP_VIEW_TEXT_SCALE_MAX, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * CxMapView::step-activated:
   * @self: the view
   * @step: the step clicked, or chosen with Enter
   *
   * The user asked to look at a step (its details).
   */
  signals[STEP_ACTIVATED] =
    g_signal_new ("step-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CX_TYPE_STEP);

  /**
   * CxMapView::findings-activated:
   * @self: the view
   * @step: the step whose finding badges were clicked
   *
   * The user asked for a step's findings, where they are drawn: the
   * window shows them in a popover there, with their fixes.
   */
  signals[FINDINGS_ACTIVATED] =
    g_signal_new ("findings-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CX_TYPE_STEP);

  _cx_map_view_class_input_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "cxmapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cx_map_view_init (CxMapView *self)
{
  self->zoom = 1.0;
  self->selected_phase = -1;
  self->text_scale = 1.0;

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _cx_map_view_input_init (self);
  _cx_map_view_edit_init (self);
  _cx_map_view_timings_init (self);

  /* The theme follows the light or dark style, and high contrast */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"),
                                  -1);
}

/**
 * cx_map_view_new:
 *
 * Returns: (transfer full): a new, empty #CxMapView
 */
GtkWidget *
cx_map_view_new (void)
{
  return g_object_new (CX_TYPE_MAP_VIEW, NULL);
}
