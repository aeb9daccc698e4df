/* cx-map-view.h — the journey map on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cx-history.h"
#include "cx-map.h"
#include "cx-model.h"

G_BEGIN_DECLS

#define CX_MAP_VIEW_ZOOM_MIN 0.05
#define CX_MAP_VIEW_ZOOM_MAX 4.0

/* The text scaling factors the map follows */
#define CX_MAP_VIEW_TEXT_SCALE_MIN 0.5
#define CX_MAP_VIEW_TEXT_SCALE_MAX 4.0

#define CX_TYPE_MAP_VIEW (cx_map_view_get_type ())
G_DECLARE_FINAL_TYPE (CxMapView, cx_map_view, CX, MAP_VIEW, GtkWidget)

GtkWidget   *cx_map_view_new               (void);
void         cx_map_view_set_plan          (CxMapView               *self,
                                            CxPlan                  *plan,
                                            GPtrArray               *findings);
CxPlan      *cx_map_view_get_plan          (CxMapView               *self);
void         cx_map_view_set_findings      (CxMapView               *self,
                                            GPtrArray               *findings);
void         cx_map_view_set_history       (CxMapView               *self,
                                            CxHistory               *history);
void         cx_map_view_set_persona       (CxMapView               *self,
                                            const char              *persona_id);
const char  *cx_map_view_get_persona       (CxMapView               *self);
void         cx_map_view_set_narrow        (CxMapView               *self,
                                            gboolean                 narrow);
gboolean     cx_map_view_get_narrow        (CxMapView               *self);
CxLane      *cx_map_view_get_cursor_lane   (CxMapView               *self);
void         cx_map_view_set_cursor_lane   (CxMapView               *self,
                                            CxLane                  *lane);
gboolean     cx_map_view_edit_cursor       (CxMapView               *self);
GtkWidget   *cx_map_view_get_editor        (CxMapView               *self);
int          cx_map_view_get_selected_phase (CxMapView              *self);
CxMapLayout *cx_map_view_get_layout        (CxMapView               *self);
GPtrArray   *cx_map_view_get_step_findings (CxMapView               *self,
                                            CxStep                  *step);
gboolean     cx_map_view_get_step_badges_rect (CxMapView            *self,
                                            CxStep                  *step,
                                            GdkRectangle            *rect);
CxStep      *cx_map_view_get_selected_step (CxMapView               *self);
void         cx_map_view_set_selected_step (CxMapView               *self,
                                            CxStep                  *step);
double       cx_map_view_get_zoom          (CxMapView               *self);
double       cx_map_view_get_text_scale    (CxMapView               *self);
void         cx_map_view_set_zoom          (CxMapView               *self,
                                            double                   zoom);
void         cx_map_view_reveal            (CxMapView               *self,
                                            const cairo_rectangle_t *map_rect);
const CxMapTheme *cx_map_view_get_theme    (CxMapView               *self);
double       cx_map_view_get_pinned_height (CxMapView               *self);

G_END_DECLS
