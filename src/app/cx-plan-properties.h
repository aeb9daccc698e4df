/* cx-plan-properties.h — the plan's own properties, checks, lanes and personas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cx-history.h"

G_BEGIN_DECLS

typedef enum
{
  CX_PLAN_PROPERTIES_GENERAL,
  CX_PLAN_PROPERTIES_CHECKS,
  CX_PLAN_PROPERTIES_LANES,
  CX_PLAN_PROPERTIES_PERSONAS,
} CxPlanPropertiesPage;

#define CX_TYPE_PLAN_PROPERTIES (cx_plan_properties_get_type ())
G_DECLARE_FINAL_TYPE (CxPlanProperties, cx_plan_properties, CX, PLAN_PROPERTIES,
                      AdwPreferencesWindow)

CxPlanProperties *cx_plan_properties_new          (GtkWindow            *parent,
                                                   CxHistory            *history);
CxHistory        *cx_plan_properties_get_history  (CxPlanProperties     *self);
void              cx_plan_properties_show_page    (CxPlanProperties     *self,
                                                   CxPlanPropertiesPage  page);
void              cx_plan_properties_edit_lane    (CxPlanProperties     *self,
                                                   CxLane               *lane);
void              cx_plan_properties_edit_persona (CxPlanProperties     *self,
                                                   CxPersona            *persona);
CxLane           *cx_plan_properties_add_lane     (CxPlanProperties     *self,
                                                   CxLaneKind            kind);
CxPersona        *cx_plan_properties_add_persona  (CxPlanProperties     *self);
void              cx_plan_properties_toast_with_undo (CxPlanProperties  *self,
                                                   const char           *title);

/* Deleting what others point to, in one step of undo, and what to tell
 * the user of what went with it ("Lane “Backstage” deleted, with 3
 * cells"); %NULL when refused */
char             *cx_plan_delete_lane_and_say     (CxHistory            *history,
                                                   CxLane               *lane,
                                                   GError              **error);
char             *cx_plan_delete_persona_and_say  (CxHistory            *history,
                                                   CxPersona            *persona,
                                                   GError              **error);

/* The words for a kind of lane: its default name, and what it holds */
const char       *cx_plan_properties_kind_summary (CxLaneKind            kind);

G_END_DECLS
