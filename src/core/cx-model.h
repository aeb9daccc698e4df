/* cx-model.h — the plan model: personas, lanes, steps, failures, plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain GObjects with properties and change notification, so the window
 * can bind to them. A plan owns its personas, lanes and steps; a step owns
 * its failures. Text that may be absent is NULL when absent; an empty
 * string is stored as NULL, because the format gives an empty element and
 * a missing one the same meaning. Levels are 1..5, 0 when absent.
 */

#pragma once

#include <glib-object.h>

#include "cx-enums.h"
#include "cx-enum-types.h"

G_BEGIN_DECLS

#define CX_TYPE_PERSONA (cx_persona_get_type ())
G_DECLARE_FINAL_TYPE (CxPersona, cx_persona, CX, PERSONA, GObject)

#define CX_TYPE_LANE (cx_lane_get_type ())
G_DECLARE_FINAL_TYPE (CxLane, cx_lane, CX, LANE, GObject)

#define CX_TYPE_FAILURE (cx_failure_get_type ())
G_DECLARE_FINAL_TYPE (CxFailure, cx_failure, CX, FAILURE, GObject)

#define CX_TYPE_STEP (cx_step_get_type ())
G_DECLARE_FINAL_TYPE (CxStep, cx_step, CX, STEP, GObject)

#define CX_TYPE_PLAN (cx_plan_get_type ())
G_DECLARE_FINAL_TYPE (CxPlan, cx_plan, CX, PLAN, GObject)

/* The range of every number the format holds */
#define CX_LEVEL_MIN    1
#define CX_LEVEL_MAX    5
#define CX_EMOTION_MIN  (-3)
#define CX_EMOTION_MAX  3
#define CX_SCORE_MIN    1
#define CX_SCORE_MAX    10

/* The phase of an accept that names a step, failure or persona instead */
#define CX_ACCEPT_NO_PHASE (-1)

/* CxPersona */
CxPersona  *cx_persona_new             (const char *id);
const char *cx_persona_get_id          (CxPersona  *self);
CxPlan     *cx_persona_get_plan        (CxPersona  *self);
const char *cx_persona_get_name        (CxPersona  *self);
void        cx_persona_set_name        (CxPersona  *self,
                                        const char *name);
const char *cx_persona_get_description (CxPersona  *self);
void        cx_persona_set_description (CxPersona  *self,
                                        const char *description);
gboolean    cx_persona_get_has_mood    (CxPersona  *self);
int         cx_persona_get_mood        (CxPersona  *self);
void        cx_persona_set_mood        (CxPersona  *self,
                                        int         mood);
void        cx_persona_unset_mood      (CxPersona  *self);
guint       cx_persona_get_line        (CxPersona  *self);

/* CxLane */
CxLane     *cx_lane_new                (const char *id,
                                        CxLaneKind  kind);
const char *cx_lane_get_id             (CxLane     *self);
CxPlan     *cx_lane_get_plan           (CxLane     *self);
CxLaneKind  cx_lane_get_kind           (CxLane     *self);
void        cx_lane_set_kind           (CxLane     *self,
                                        CxLaneKind  kind);
const char *cx_lane_get_name           (CxLane     *self);
void        cx_lane_set_name           (CxLane     *self,
                                        const char *name);
gboolean    cx_lane_kind_holds_text    (CxLaneKind  kind);
guint       cx_lane_get_line           (CxLane     *self);

/* CxFailure */
CxFailure  *cx_failure_new             (const char *id);
const char *cx_failure_get_id          (CxFailure  *self);
CxStep     *cx_failure_get_step        (CxFailure  *self);
int         cx_failure_get_severity    (CxFailure  *self);
void        cx_failure_set_severity    (CxFailure  *self,
                                        int         severity);
int         cx_failure_get_occurrence  (CxFailure  *self);
void        cx_failure_set_occurrence  (CxFailure  *self,
                                        int         occurrence);
int         cx_failure_get_detection   (CxFailure  *self);
void        cx_failure_set_detection   (CxFailure  *self,
                                        int         detection);
int         cx_failure_get_rpn         (CxFailure  *self);
const char *cx_failure_get_leads_to    (CxFailure  *self);
void        cx_failure_set_leads_to    (CxFailure  *self,
                                        const char *step_id);
const char *cx_failure_get_mode        (CxFailure  *self);
void        cx_failure_set_mode        (CxFailure  *self,
                                        const char *mode);
const char *cx_failure_get_effect      (CxFailure  *self);
void        cx_failure_set_effect      (CxFailure  *self,
                                        const char *effect);
guint       cx_failure_get_line        (CxFailure  *self);

/* CxStep */
CxStep     *cx_step_new                (const char *id);
const char *cx_step_get_id             (CxStep     *self);
CxPlan     *cx_step_get_plan           (CxStep     *self);
CxPhase     cx_step_get_phase          (CxStep     *self);
const char *cx_step_get_title          (CxStep     *self);
void        cx_step_set_title          (CxStep     *self,
                                        const char *title);
CxChannel   cx_step_get_channel        (CxStep     *self);
void        cx_step_set_channel        (CxStep     *self,
                                        CxChannel   channel);
const char *cx_step_get_owner          (CxStep     *self);
void        cx_step_set_owner          (CxStep     *self,
                                        const char *owner);
const char *cx_step_get_persona        (CxStep     *self);
void        cx_step_set_persona        (CxStep     *self,
                                        const char *persona_id);
CxEvidence  cx_step_get_evidence       (CxStep     *self);
void        cx_step_set_evidence       (CxStep     *self,
                                        CxEvidence  evidence);
gboolean    cx_step_get_wow            (CxStep     *self);
void        cx_step_set_wow            (CxStep     *self,
                                        gboolean    wow);
gboolean    cx_step_get_moment_of_truth (CxStep    *self);
void        cx_step_set_moment_of_truth (CxStep    *self,
                                        gboolean    moment_of_truth);
const char *cx_step_get_recovers       (CxStep     *self);
void        cx_step_set_recovers       (CxStep     *self,
                                        const char *failure_ids);
int         cx_step_get_expected_level (CxStep     *self);
void        cx_step_set_expected_level (CxStep     *self,
                                        int         level);
const char *cx_step_get_expected_text  (CxStep     *self);
void        cx_step_set_expected_text  (CxStep     *self,
                                        const char *text);
int         cx_step_get_delivered_level (CxStep    *self);
void        cx_step_set_delivered_level (CxStep    *self,
                                        int         level);
const char *cx_step_get_delivered_text (CxStep     *self);
void        cx_step_set_delivered_text (CxStep     *self,
                                        const char *text);
gboolean    cx_step_get_has_emotion    (CxStep     *self);
int         cx_step_get_emotion        (CxStep     *self);
void        cx_step_set_emotion        (CxStep     *self,
                                        int         emotion);
void        cx_step_unset_emotion      (CxStep     *self);
const char *cx_step_get_emotion_text   (CxStep     *self);
void        cx_step_set_emotion_text   (CxStep     *self,
                                        const char *text);
guint       cx_step_get_n_cells        (CxStep     *self);
const char *cx_step_get_cell_lane      (CxStep     *self,
                                        guint       index);
const char *cx_step_get_cell_text      (CxStep     *self,
                                        guint       index);
const char *cx_step_lookup_cell        (CxStep     *self,
                                        const char *lane_id);
void        cx_step_set_cell           (CxStep     *self,
                                        const char *lane_id,
                                        const char *text);
guint       cx_step_get_n_failures     (CxStep     *self);
CxFailure  *cx_step_get_failure        (CxStep     *self,
                                        guint       index);
guint       cx_step_get_n_links        (CxStep     *self);
CxLinkKind  cx_step_get_link_kind      (CxStep     *self,
                                        guint       index);
const char *cx_step_get_link_step      (CxStep     *self,
                                        guint       index);
guint       cx_step_get_line           (CxStep     *self);

/* CxPlan */
CxPlan     *cx_plan_new                (void);
const char *cx_plan_get_version        (CxPlan     *self);
const char *cx_plan_get_written_version (CxPlan    *self);
const char *cx_plan_get_title          (CxPlan     *self);
void        cx_plan_set_title          (CxPlan     *self,
                                        const char *title);
const char *cx_plan_get_description    (CxPlan     *self);
void        cx_plan_set_description    (CxPlan     *self,
                                        const char *description);
const char *cx_plan_get_author         (CxPlan     *self);
void        cx_plan_set_author         (CxPlan     *self,
                                        const char *author);
const char *cx_plan_get_created        (CxPlan     *self);
void        cx_plan_set_created        (CxPlan     *self,
                                        const char *created);
const char *cx_plan_get_modified       (CxPlan     *self);
void        cx_plan_set_modified       (CxPlan     *self,
                                        const char *modified);
int         cx_plan_get_threshold      (CxPlan     *self,
                                        const char *name);
void        cx_plan_set_threshold      (CxPlan     *self,
                                        const char *name,
                                        int         value);
guint       cx_plan_get_n_disabled_checks (CxPlan  *self);
const char *cx_plan_get_disabled_check (CxPlan     *self,
                                        guint       index);
gboolean    cx_plan_is_check_disabled  (CxPlan     *self,
                                        const char *check_id);
void        cx_plan_set_check_disabled (CxPlan     *self,
                                        const char *check_id,
                                        gboolean    disabled);
guint       cx_plan_get_n_accepts      (CxPlan     *self);
const char *cx_plan_get_accept_check   (CxPlan     *self,
                                        guint       index);
const char *cx_plan_get_accept_ref     (CxPlan     *self,
                                        guint       index);
int         cx_plan_get_accept_phase   (CxPlan     *self,
                                        guint       index);
const char *cx_plan_get_accept_reason  (CxPlan     *self,
                                        guint       index);
guint       cx_plan_get_accept_line    (CxPlan     *self,
                                        guint       index);
void        cx_plan_insert_accept      (CxPlan     *self,
                                        int         index,
                                        const char *check_id,
                                        const char *ref,
                                        int         phase,
                                        const char *reason);
void        cx_plan_remove_accept      (CxPlan     *self,
                                        guint       index);
guint       cx_plan_get_n_personas     (CxPlan     *self);
CxPersona  *cx_plan_get_persona        (CxPlan     *self,
                                        guint       index);
void        cx_plan_add_persona        (CxPlan     *self,
                                        CxPersona  *persona);
void        cx_plan_insert_persona     (CxPlan     *self,
                                        int         position,
                                        CxPersona  *persona);
int         cx_plan_get_persona_index  (CxPlan     *self,
                                        CxPersona  *persona);
void        cx_plan_remove_persona     (CxPlan     *self,
                                        CxPersona  *persona);
guint       cx_plan_get_n_lanes        (CxPlan     *self);
CxLane     *cx_plan_get_lane           (CxPlan     *self,
                                        guint       index);
void        cx_plan_add_lane           (CxPlan     *self,
                                        CxLane     *lane);
void        cx_plan_insert_lane        (CxPlan     *self,
                                        int         position,
                                        CxLane     *lane);
int         cx_plan_get_lane_index     (CxPlan     *self,
                                        CxLane     *lane);
CxLane     *cx_plan_lookup_lane_kind   (CxPlan     *self,
                                        CxLaneKind  kind);
void        cx_plan_remove_lane        (CxPlan     *self,
                                        CxLane     *lane);
guint       cx_plan_get_n_steps        (CxPlan     *self,
                                        CxPhase     phase);
CxStep     *cx_plan_get_step           (CxPlan     *self,
                                        CxPhase     phase,
                                        guint       index);
void        cx_plan_insert_step        (CxPlan     *self,
                                        CxPhase     phase,
                                        int         position,
                                        CxStep     *step);
void        cx_plan_remove_step        (CxPlan     *self,
                                        CxStep     *step);
int         cx_plan_get_step_index     (CxPlan     *self,
                                        CxStep     *step);
void        cx_step_add_failure        (CxStep     *self,
                                        CxFailure  *failure);
void        cx_step_insert_failure     (CxStep     *self,
                                        int         position,
                                        CxFailure  *failure);
void        cx_step_remove_failure     (CxStep     *self,
                                        CxFailure  *failure);
guint       cx_plan_get_phase_line     (CxPlan     *self,
                                        CxPhase     phase);
GObject    *cx_plan_lookup_id          (CxPlan     *self,
                                        const char *id);
char       *cx_plan_make_id            (CxPlan     *self,
                                        const char *stem);
gboolean    cx_plan_equal              (CxPlan     *a,
                                        CxPlan     *b);
gboolean    cx_plan_equal_as_written   (CxPlan     *a,
                                        CxPlan     *b);

G_END_DECLS
