/* cx-enums.h — the enumerations of the .cxplan format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nick of every value (from glib-mkenums: lower case, dashes) is the
 * spelling the file format uses, so reader, writer and checks share one
 * table: the GEnumClass. Values named NONE stand for an absent attribute
 * and are never accepted from a file.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CX_PHASE_BEFORE,
  CX_PHASE_DURING,
  CX_PHASE_AFTER,
  CX_PHASE_RECOVERY,
} CxPhase;

#define CX_N_PHASES 4

typedef enum
{
  CX_LANE_KIND_ACTIONS,
  CX_LANE_KIND_TOUCHPOINTS,
  CX_LANE_KIND_FRONTSTAGE,
  CX_LANE_KIND_BACKSTAGE,
  CX_LANE_KIND_SUPPORT,
  CX_LANE_KIND_PAINS,
  CX_LANE_KIND_IDEAS,
  CX_LANE_KIND_NOTES,
  CX_LANE_KIND_EMOTION,
  CX_LANE_KIND_EXPECTATION,
} CxLaneKind;

typedef enum
{
  CX_CHANNEL_NONE,
  CX_CHANNEL_WEB,
  CX_CHANNEL_APP,
  CX_CHANNEL_EMAIL,
  CX_CHANNEL_PHONE,
  CX_CHANNEL_CHAT,
  CX_CHANNEL_SOCIAL,
  CX_CHANNEL_MAIL,
  CX_CHANNEL_STORE,
  CX_CHANNEL_IN_PERSON,
  CX_CHANNEL_SELF_SERVICE,
  CX_CHANNEL_OTHER,
} CxChannel;

typedef enum
{
  CX_EVIDENCE_NONE,
  CX_EVIDENCE_OBSERVED,
  CX_EVIDENCE_ASSUMED,
  CX_EVIDENCE_PROPOSED,
} CxEvidence;

typedef enum
{
  CX_LINK_KIND_LEADS_TO,
  CX_LINK_KIND_DEPENDS_ON,
} CxLinkKind;

typedef enum
{
  CX_SEVERITY_INFO,
  CX_SEVERITY_WARNING,
  CX_SEVERITY_ERROR,
} CxSeverity;

/* What changed in a plan, as CxPlan::changed tells its views */
typedef enum /*< flags >*/
{
  CX_PLAN_CHANGE_CONTENT    = 1 << 0,  /* text or a value drawn in place: the map's geometry stays */
  CX_PLAN_CHANGE_GEOMETRY   = 1 << 1,  /* what the map's layout depends on beside the structure:
                                        * a failure added or removed, @leads-to, @recovers,
                                        * the persona of a step */
  CX_PLAN_CHANGE_STRUCTURE  = 1 << 2,  /* steps, lanes or personas added, removed or moved;
                                        * a lane's kind */
  CX_PLAN_CHANGE_SETTINGS   = 1 << 3,  /* thresholds, disabled checks, accepted findings */
  CX_PLAN_CHANGE_PROPERTIES = 1 << 4,  /* the plan's own title, description, author, dates */
} CxPlanChange;

const char *cx_enum_to_nick   (GType       enum_type,
                               int         value);
gboolean    cx_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);

G_END_DECLS
