/* cx-check-private.h — what the check engine and its rules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine (cx-check.c) gathers what needs the whole journey into a
 * CheckRun, then walks the plan and, on each element, runs the rules
 * (cx-check-rules.c) that may flag it. Never included outside src/core.
 */

#pragma once

#include <string.h>

#include "cx-check.h"
#include "cx-model-private.h"

G_BEGIN_DECLS

/* White space as XML counts it */
#define XML_SPACE " \t\r\n"

static inline gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  /* Most text starts with something else than space: no call to strspn() */
  switch (*text)
    {
    case '\0':
      return TRUE;
    case ' ':
    case '\t':
    case '\r':
    case '\n':
      return text[strspn (text, XML_SPACE)] == '\0';
    default:
      return FALSE;
    }
}

/* The next id of a list like @recovers from *@cursor on, copied into
 * @token; NULL at the end. The same ids, in the same order, as the
 * non-empty strings g_strsplit_set (list, XML_SPACE, -1) makes, without
 * an allocation each. */
static inline const char *
next_token (const char **cursor,
            GString     *token)
{
  const char *start = *cursor + strspn (*cursor, XML_SPACE);
  gsize len = strcspn (start, XML_SPACE);

  if (len == 0)
    return NULL;

  g_string_truncate (token, 0);
  g_string_append_len (token, start, len);
  *cursor = start + len;

  return token->str;
}

/* The wow index of CX001. For a group of steps, by_bar[t] holds the
 * journey indices, ascending, of the steps of the group whose level is at
 * most t: the steps that miss a wow whose bar is t. The groups: every step
 * (for a wow without a persona), the steps without a persona, and the
 * steps of each persona; the last two never overlap. */
typedef struct
{
  GArray *by_bar[CX_LEVEL_MAX + 1];   /* guint; [0] unused: a bar is at least 1 */
  guint   filled[CX_LEVEL_MAX + 1];   /* while gathering: the steps of each level, then
                                       * the entries of by_bar[] written so far */
} WowGroup;

typedef enum
{
  REF_RESOLVED,     /* or no reference at all */
  REF_MISSING,
  REF_WRONG_KIND,
} RefState;

/* What an id, as written, resolves to: looked up once a run, however
 * many elements name it (a cell's lane for CX008 and CX021 alike, a
 * step's persona) */
typedef struct
{
  const char *id;         /* not owned: the plan's */
  RefState    state;
  gpointer    object;     /* when it resolves, else NULL */
  guint       step_mark;  /* CX008, for lanes: the run's step_mark when a cell of that
                           * step was in it */
  gpointer    wow;        /* CX001, for personas: the persona's WowGroup, or NULL */
  guint       first;      /* CX019, for personas: the journey index of the persona's
                           * first step + 1; 0 for none */
} IdRef;

/* The IdRefs of one kind of element: a table by id, and in front of it
 * the IdRef last found for each of a few slots of a hash of the id, for
 * a look-up that costs a strlen() and a strcmp() */
#define ID_RECENT 64

typedef struct
{
  GType       type;
  GHashTable *table;              /* id (not owned) → IdRef */
  IdRef      *recent[ID_RECENT];
} IdCache;

/* CX016: an id a recovery step lists, as written: the bytes of its
 * @recovers, borrowed, with no copy to make each a string of its own */
typedef struct
{
  CxStep     *step;
  const char *id;
  gsize       len;
} Listed;

/* One run of the checks: what it gathers before its walk, and where the
 * walk stands */
typedef struct
{
  CxPlan     *plan;
  gboolean    enabled[CX_N_CHECKS];
  int         wow_drop;
  int         expectation_gap;
  int         rpn;
  int         severity;
  int         weak_link;
  int         hand_off_drop;
  int         silent_detection;
  int         prevent_severity;

  GPtrArray  *journey;          /* CxStep, not owned: the main journey in order */
  WowGroup   *wow_everyone;     /* CX001; NULL when there is no wow */
  WowGroup   *wow_no_persona;
  GHashTable *wow_personas;     /* persona id (not owned) → WowGroup; found through
                                 * the IdRefs of personas */
  int         median_twice;     /* CX007: twice the median; 0 when there is none */
  char       *median_text;      /* CX007: the median in words, once it is needed */
  char       *below_text[CX_LEVEL_MAX + 1]; /* CX007: how far below it each level is */
  CxStep     *last_emotion;     /* CX006 */
  GHashTable *recovered;        /* CX003: the CxFailures a recovery step names */
  GArray     *listed_ids;       /* CX016: Listed, each id each recovery step lists */
  GHashTable *listed;           /* CX016: the set of them (Listed, in listed_ids) */
  gboolean    has_failures;     /* CX004 */
  CxStep     *peak;             /* CX012: the peak, when the rule flags it; else NULL */
  CxStep     *peak_end;         /* CX012: the end it is weighed against */
  int         first_no_persona; /* CX019: journey index of the first step without a
                                 * persona, -1 for none; a persona's own, in its IdRef */
  gboolean    has_backstage;    /* CX021: a lane of kind backstage or support */

  IdCache     lanes;            /* the lanes cells name */
  IdCache     personas;         /* the personas steps name */
  GPtrArray  *cell_lanes;       /* IdRef (not owned) of each cell of the step the walk
                                 * stands on, NULL for a cell without a lane; filled only
                                 * when a check that asks is enabled */
  guint       step_mark;        /* counts the steps whose cell lanes were looked up */

  GString    *token;            /* scratch for next_token() */

  CxFinding   here;             /* the element the walk stands on; ids borrowed */
  guint       journey_index;

  GPtrArray  *findings;
} CheckRun;

/* A step by its title, or its id when the title is empty; a failure by
 * its mode, or its id; a persona by its name, or its id */
const char  *cx_check_step_name    (CxStep     *step);
const char  *cx_check_failure_name (CxFailure  *failure);
const char  *cx_check_persona_name (CxPersona  *persona);
const char  *cx_check_phase_name   (CxPhase     phase);

/* cx-check-format.c: what g_strdup_printf() and g_string_append_printf()
 * make of @format, cheaper for the conversions the messages use */
char        *cx_check_format       (const char *format,
                                    ...) G_GNUC_PRINTF (1, 2);
void         cx_check_append       (GString    *string,
                                    const char *format,
                                    ...) G_GNUC_PRINTF (2, 3);

/* cx-check-format.c: a finding of @check at the element the walk stands on */
void         cx_check_report       (CheckRun   *run,
                                    CxCheckId   check,
                                    CxSeverity  severity,
                                    const char *format,
                                    ...) G_GNUC_PRINTF (4, 5);

/* cx-check.c: what @id names in the plan, if it is of @type */
RefState     cx_check_resolve      (CheckRun   *run,
                                    const char *id,
                                    GType       type,
                                    GObject   **object);
/* The same for @id (not NULL), once a run */
IdRef       *cx_check_resolve_cached (CheckRun   *run,
                                      IdCache    *cache,
                                      const char *id);

/* cx-check-rules.c: the rules for each kind of element, in check id order */
void         cx_check_run_phase    (CheckRun   *run,
                                    CxPhase     phase);
void         cx_check_run_step     (CheckRun   *run,
                                    CxStep     *step,
                                    CxPhase     phase);
/* @lane: what the cell's lane resolves to (run->cell_lanes) */
void         cx_check_run_cell     (CheckRun   *run,
                                    CxStep     *step,
                                    CxCell     *cell,
                                    IdRef      *lane);
void         cx_check_run_failure  (CheckRun   *run,
                                    CxFailure  *failure);
void         cx_check_run_link     (CheckRun   *run,
                                    CxStep     *step,
                                    CxLink     *link);

/* cx-check-service.c: the rules of format 1.1 (CX012–CX021), run after
 * those of 1.0 on the same element */
void         cx_check_run_step_1_1    (CheckRun   *run,
                                       CxStep     *step,
                                       CxPhase     phase);
void         cx_check_run_failure_1_1 (CheckRun   *run,
                                       CxFailure  *failure);
void         cx_check_run_persona     (CheckRun   *run,
                                       CxPersona  *persona);
/* What the rules of 1.1 gather from the whole plan before the walk */
void         cx_check_gather_1_1      (CheckRun   *run);
/* CX016: an empty set of Listed, by step and id */
GHashTable  *cx_check_listed_new      (void);

/* cx-check-accept.c: marks the findings the plan accepts, then reports
 * the accepts that match none (CX022) */
void         cx_check_apply_accepts   (CheckRun   *run);

G_END_DECLS
