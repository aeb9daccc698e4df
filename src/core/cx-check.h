/* cx-check.h — the check engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs every check of checks.md on a plan and returns the findings in
 * document order of the element they flag, then by check id.
 */

#pragma once

#include <glib-object.h>

#include "cx-enums.h"
#include "cx-model.h"

G_BEGIN_DECLS

typedef enum
{
  CX_CHECK_UNSUSTAINABLE_WOW,          /* CX001 */
  CX_CHECK_OVER_PROMISE,               /* CX002 */
  CX_CHECK_UNRECOVERED_FAILURE,        /* CX003 */
  CX_CHECK_EMPTY_PHASE,                /* CX004 */
  CX_CHECK_UNOWNED_STEP,               /* CX005 */
  CX_CHECK_NEGATIVE_ENDING,            /* CX006 */
  CX_CHECK_WEAK_LINK,                  /* CX007 */
  CX_CHECK_BROKEN_REFERENCE,           /* CX008 */
  CX_CHECK_UNEXAMINED_MOMENT_OF_TRUTH, /* CX009 */
  CX_CHECK_UNASSESSED_STEP,            /* CX010 */
  CX_CHECK_IDLE_RECOVERY,              /* CX011 */
  CX_CHECK_PEAK_END,                   /* CX012 */
  CX_CHECK_MOMENT_OF_TRUTH_SHORTFALL,  /* CX013 */
  CX_CHECK_ASSUMED_MOMENT,             /* CX014 */
  CX_CHECK_HAND_OFF_DROP,              /* CX015 */
  CX_CHECK_UNANSWERED_LEADS_TO,        /* CX016 */
  CX_CHECK_DOUBLE_DEVIATION,           /* CX017 */
  CX_CHECK_SILENT_FAILURE,             /* CX018 */
  CX_CHECK_UPSET_ARRIVAL,              /* CX019 */
  CX_CHECK_PREVENT_NOT_RECOVER,        /* CX020 */
  CX_CHECK_BLUEPRINT_GAP,              /* CX021 */
  CX_CHECK_STALE_ACCEPT,               /* CX022 */
  CX_N_CHECKS
} CxCheckId;

typedef struct
{
  const char *id;       /* "CX001" */
  const char *name;     /* "unsustainable-wow" */
  CxSeverity  severity; /* its findings' severity; the higher one when it has two */
  CxSeverity  lowest;   /* the lower one (CX004: info), else the same */
} CxCheckInfo;

const CxCheckInfo *cx_check_info        (CxCheckId   check);
gboolean           cx_check_lookup      (const char *id,
                                         CxCheckId  *check);

/* What a finding flags */
typedef enum
{
  CX_TARGET_STEP,
  CX_TARGET_FAILURE,
  CX_TARGET_PHASE,
  CX_TARGET_CELL,
  CX_TARGET_LINK,
  CX_TARGET_PERSONA,    /* CX019; step_id is the persona's first step */
  CX_TARGET_ACCEPT,     /* CX022; index is the accept's in the plan's settings */
} CxTargetKind;

#define CX_TYPE_FINDING (cx_finding_get_type ())

typedef struct
{
  CxCheckId     check;
  CxSeverity    severity;
  CxTargetKind  target;
  guint         line;       /* of the flagged element; 0 if made since reading */
  CxPhase       phase;      /* the phase flagged, or of the step flagged */
  char         *step_id;    /* the step flagged or holding the failure/cell/link, or NULL */
  char         *failure_id; /* the failure flagged, or NULL */
  guint         index;      /* the cell or link index in its step, for CELL and LINK; the
                             * accept's index in the plan, for ACCEPT */
  char         *message;    /* translated, without the "[CX001]" suffix */
  guint64       position;   /* document order of the flagged element */
  char         *persona_id; /* the persona flagged, or NULL */
  gboolean      accepted;   /* a settings/accept of the plan matches it */
  char         *reason;     /* the accept's reason when accepted, else NULL */
} CxFinding;

GType      cx_finding_get_type (void) G_GNUC_CONST;
CxFinding *cx_finding_copy     (const CxFinding *finding);
void       cx_finding_free     (CxFinding       *finding);

GPtrArray *cx_check_plan       (CxPlan          *plan);
void       cx_findings_count   (GPtrArray       *findings,
                                guint            counts[3]);
void       cx_findings_count_full (GPtrArray    *findings,
                                   guint         counts[3],
                                   guint        *n_accepted);

/* What a check is for, in words for a service designer (cx-check-explain.c) */
typedef struct
{
  const char *summary;  /* one sentence, for a preferences row */
  const char *rule;     /* the exact rule, naming the plan's thresholds */
  const char *why;      /* why it matters */
  const char *source;   /* where the idea comes from */
  const char *answer;   /* how a plan answers it, and when accepting is honest */
} CxCheckExplanation;

void       cx_check_explain    (CxCheckId           check,
                                CxCheckExplanation *explanation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CxFinding, cx_finding_free)

G_END_DECLS
