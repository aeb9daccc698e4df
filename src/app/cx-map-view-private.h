/* cx-map-view-private.h — what cx-map-view*.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CxMapView is split by concern: cx-map-view.c scrolls and zooms,
 * cx-map-view-draw.c draws, cx-map-view-input.c turns keys, clicks,
 * scrolling and pinching into actions, selection and zoom.
 */

#pragma once

#include "cx-map-view.h"

G_BEGIN_DECLS

/* What a zoom-in key multiplies the zoom by, and a wheel notch with Ctrl */
#define CX_MAP_VIEW_ZOOM_STEP       1.2
#define CX_MAP_VIEW_WHEEL_ZOOM_STEP 1.1

struct _CxMapView
{
  GtkWidget      parent_instance;

  CxPlan        *plan;
  GPtrArray     *findings;
  CxMapLayout   *layout;
  gboolean       layout_stale;   /* the plan's geometry changed since it was laid out */
  guint          relayout_tick;  /* lays it out before the frame's layout phase */
  gboolean       narrow;         /* a narrow window: a narrow lane-name column */
  CxStep        *selected;
  int            selected_phase; /* chosen without a step, or -1 */
  CxLane        *cursor_lane;    /* the cursor's row of the selected step, NULL: its header */
  CxHistory     *history;        /* nullable: the map edits the plan through it */
  char          *persona;        /* nullable: the persona whose journey is shown */

  /* The editor open in place, and what it edits */
  GtkWidget     *editor;
  CxStep        *edit_step;
  CxLane        *edit_lane;      /* NULL: the title */

  /* A step being dragged by its header */
  CxStep        *drag_step;
  gboolean       dragging;
  double         drag_map_x;
  double         drag_marker_x;  /* map units, -1 for none */

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  /* Device pixels a map unit: the zoom the user chose times the text
   * scale (cx_map_view_get_zoom() gives the former) */
  double         zoom;
  double         text_scale;
  GtkSettings   *settings;       /* whose gtk-xft-dpi is followed */
  double         zoom_at_gesture_begin;
  double         pointer_x;
  double         pointer_y;
  gboolean       pointer_inside;

  /* The lane-name column as last drawn: scrolling sideways, the usual
   * case, leaves it as it was, and it is not drawn again */
  GskRenderNode    *header_node;
  const CxMapTheme *header_theme;
  double            header_key[4];   /* zoom, vertical scroll, width, height */

  /* The pinned top rows as last drawn: scrolling down leaves them */
  GskRenderNode    *top_node;
  const CxMapTheme *top_theme;
  CxStep           *top_selected;    /* compared, not held */
  double            top_key[4];      /* zoom, horizontal scroll, width, height */
};

void   _cx_map_view_ensure_layout        (CxMapView      *self);
char  *_cx_map_view_describe_step        (CxMapView      *self,
                                          CxStep         *step);
void   _cx_map_view_update_description   (CxMapView      *self);
gboolean _cx_map_view_get_cursor_rect    (CxMapView         *self,
                                          cairo_rectangle_t *rect);
void   _cx_map_view_move_cursor          (CxMapView      *self,
                                          int             delta);
void   _cx_map_view_cancel_edit          (CxMapView      *self);
void   _cx_map_view_allocate_editor      (CxMapView      *self);
void   _cx_map_view_snapshot_editor      (CxMapView      *self,
                                          GtkSnapshot    *snapshot);
void   _cx_map_view_snapshot_drag        (CxMapView      *self,
                                          GtkSnapshot    *snapshot);
void   _cx_map_view_snapshot_cursor      (CxMapView      *self,
                                          GtkSnapshot    *snapshot);
void   _cx_map_view_edit_init            (CxMapView      *self);
void   _cx_map_view_edit_dispose         (CxMapView      *self);
void   _cx_map_view_set_selected_phase   (CxMapView      *self,
                                          int             phase);
double _cx_map_view_adjustment_value     (GtkAdjustment  *adjustment);
double _cx_map_view_get_header_width     (CxMapView      *self);
void   _cx_map_view_widget_to_map        (CxMapView      *self,
                                          double          x,
                                          double          y,
                                          double         *map_x,
                                          double         *map_y);
void   _cx_map_view_map_to_widget        (CxMapView               *self,
                                          const cairo_rectangle_t *map_rect,
                                          graphene_rect_t         *rect);
void   _cx_map_view_set_zoom_at          (CxMapView      *self,
                                          double          zoom,
                                          double          anchor_x,
                                          double          anchor_y);
void   _cx_map_view_zoom_by              (CxMapView      *self,
                                          double          factor);
void   _cx_map_view_select_index         (CxMapView      *self,
                                          int             index);
int    _cx_map_view_get_selected_index   (CxMapView      *self);
void   _cx_map_view_emit_findings_activated (CxMapView   *self,
                                             CxStep      *step);
void   _cx_map_view_emit_step_activated  (CxMapView      *self,
                                          CxStep         *step);
void   _cx_map_view_snapshot             (GtkWidget      *widget,
                                          GtkSnapshot    *snapshot);
void   _cx_map_view_class_input_init     (GtkWidgetClass *widget_class);
void   _cx_map_view_input_init           (CxMapView      *self);
void   _cx_map_view_timings_init         (CxMapView      *self);

G_END_DECLS
