/* cx-model-private.h — the model's fields, shared by the core's reader,
 * writer and checks (never installed, never included outside src/core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cx-extras.h"
#include "cx-model.h"

G_BEGIN_DECLS

struct _CxPersona
{
  GObject   parent_instance;

  CxPlan   *plan;         /* not owned; NULL while not in a plan */
  char     *id;
  char     *name;
  char     *description;
  int       mood;
  guint     has_mood : 1;
  guint     line;

  CxExtras *x_self;
  CxExtras *x_name;
  CxExtras *x_description;
};

struct _CxLane
{
  GObject     parent_instance;

  CxPlan     *plan;       /* not owned; NULL while not in a plan */
  char       *id;
  char       *name;
  CxLaneKind  kind;
  guint       line;

  CxExtras   *x_self;
  CxExtras   *x_name;
};

struct _CxFailure
{
  GObject   parent_instance;

  CxStep   *step;         /* not owned; NULL while not in a step */
  char     *id;
  char     *leads_to;
  char     *mode;
  char     *effect;
  int       severity;
  int       occurrence;
  int       detection;
  guint     line;

  CxExtras *x_self;
  CxExtras *x_mode;
  CxExtras *x_effect;
};

typedef struct
{
  char     *lane;
  char     *text;
  guint     line;
  CxExtras *extras;
} CxCell;

typedef struct
{
  CxLinkKind  kind;
  char       *step;
  guint       line;
  CxExtras   *extras;
} CxLink;

struct _CxStep
{
  GObject     parent_instance;

  CxPlan     *plan;       /* not owned; NULL while not in a plan */
  CxPhase     phase;

  char       *id;
  char       *title;
  char       *owner;
  char       *persona;
  char       *recovers;   /* as written: space-separated failure ids */
  CxChannel   channel;
  CxEvidence  evidence;
  guint       wow : 1;
  guint       moment_of_truth : 1;
  guint       has_emotion : 1;

  int         expected_level;   /* 0: no <expected> */
  char       *expected_text;
  int         delivered_level;  /* 0: no <delivered> */
  char       *delivered_text;
  int         emotion;
  char       *emotion_text;

  GPtrArray  *cells;      /* CxCell */
  GPtrArray  *failures;   /* CxFailure, owned */
  GPtrArray  *links;      /* CxLink */

  guint       line;

  CxExtras   *x_self;
  CxExtras   *x_title;
  CxExtras   *x_expected;
  CxExtras   *x_delivered;
  CxExtras   *x_emotion;
};

typedef struct
{
  char     *name;
  int       value;
  guint     line;
  CxExtras *extras;
} CxThreshold;

typedef struct
{
  char     *check;
  guint     line;
  CxExtras *extras;
} CxDisable;

/* A finding accepted with its reason (1.1): exactly one of @ref and
 * @phase says where the finding is flagged */
typedef struct
{
  char     *check;
  char     *ref;      /* a step, failure or persona id as written, or NULL */
  int       phase;    /* a CxPhase, or CX_ACCEPT_NO_PHASE */
  char     *reason;
  guint     line;
  CxExtras *extras;
} CxAccept;

typedef struct
{
  char *prefix;
  char *uri;
} CxNsDecl;

typedef enum
{
  CX_PLAN_SLOT_ROOT,
  CX_PLAN_SLOT_TITLE,
  CX_PLAN_SLOT_DESCRIPTION,
  CX_PLAN_SLOT_AUTHOR,
  CX_PLAN_SLOT_CREATED,
  CX_PLAN_SLOT_MODIFIED,
  CX_PLAN_SLOT_SETTINGS,
  CX_PLAN_SLOT_PERSONAS,
  CX_PLAN_SLOT_LANES,
  CX_PLAN_SLOT_PHASES,
  CX_PLAN_SLOT_PHASE_BEFORE,
  CX_PLAN_SLOT_PHASE_DURING,
  CX_PLAN_SLOT_PHASE_AFTER,
  CX_PLAN_SLOT_PHASE_RECOVERY,
  CX_PLAN_N_SLOTS
} CxPlanSlot;

struct _CxPlan
{
  GObject     parent_instance;

  char       *version;      /* as read, CX_FORMAT_VERSION for a new plan */
  char       *title;
  char       *description;
  char       *author;
  char       *created;
  char       *modified;

  GPtrArray  *thresholds;   /* CxThreshold, in file order */
  GPtrArray  *disables;     /* CxDisable, in file order */
  GPtrArray  *accepts;      /* CxAccept, in file order */
  GPtrArray  *personas;     /* CxPersona, owned */
  GPtrArray  *lanes;        /* CxLane, owned */
  GPtrArray  *steps[CX_N_PHASES]; /* CxStep, owned */

  GPtrArray  *ns_decls;     /* CxNsDecl: foreign namespaces declared on the root */
  GHashTable *ids;          /* id → GObject (not owned): personas, lanes, steps, failures */

  guint       line;
  guint       phase_line[CX_N_PHASES];

  CxExtras   *extras[CX_PLAN_N_SLOTS];
};

/* Memory of the value types */
void         cx_cell_free        (gpointer data);
void         cx_link_free        (gpointer data);
void         cx_threshold_free   (gpointer data);
void         cx_disable_free     (gpointer data);
void         cx_accept_free      (gpointer data);
void         cx_ns_decl_free     (gpointer data);

/* Emitted by every change of the plan's structure, whichever file makes it */
void         cx_plan_emit_changed  (CxPlan       *self,
                                    CxPlanChange  what,
                                    gpointer      object);

/* The id registry, in cx-plan-ids.c. Register an id read from a file or
 * made anew: FALSE if it is taken */
gboolean     cx_plan_register_id   (CxPlan     *self,
                                    const char *id,
                                    GObject    *object);
void         cx_plan_unregister_id (CxPlan     *self,
                                    const char *id);
/* A step's id and its failures', as the step enters and leaves the plan */
gboolean     cx_plan_step_ids_are_free (CxPlan *self,
                                        CxStep *step);
void         cx_plan_claim_step_ids    (CxPlan *self,
                                        CxStep *step);
void         cx_plan_release_step_ids  (CxPlan *self,
                                        CxStep *step);

/* For the history: a step's cell taken out whole (with its foreign
 * content) and put back at its place */
CxCell      *cx_step_steal_cell  (CxStep     *self,
                                  guint       index);
void         cx_step_insert_cell (CxStep     *self,
                                  guint       index,
                                  CxCell     *cell);

CxLink      *cx_step_steal_link  (CxStep     *self,
                                  guint       index);
void         cx_step_insert_link (CxStep     *self,
                                  guint       index,
                                  CxLink     *link);

/* Deep copies of the settings' entries, foreign content included */
gpointer     cx_threshold_copy   (gconstpointer data,
                                  gpointer      unused);
gpointer     cx_disable_copy     (gconstpointer data,
                                  gpointer      unused);
gpointer     cx_accept_copy      (gconstpointer data,
                                  gpointer      unused);
/* Whether the plan holds anything that format 1.1 added (accepts, the
 * thresholds of 1.1), which raises the version a writer writes */
gboolean     cx_plan_uses_format_1_1 (CxPlan *self);
/* Sets a threshold in an array of CxThreshold as cx_plan_set_threshold()
 * does (the default removes the entry): %TRUE if it changed */
gboolean     cx_thresholds_set   (GPtrArray  *thresholds,
                                  const char *name,
                                  int         value);
gboolean     cx_disables_set     (GPtrArray  *disables,
                                  const char *check_id,
                                  gboolean    disabled);

/* Owned text: NULL for an empty string, as the format says */
char        *cx_text_dup         (const char *text);
/* Replaces *field by cx_text_dup (text): TRUE if the value changed */
gboolean     cx_text_set         (char      **field,
                                  const char *text);

/* References are kept as written, an empty one too (recovers=""): only
 * NULL is "none". TRUE if the value changed. */
gboolean     cx_reference_set    (char      **field,
                                  const char *text);

/* Deep equality for cx_plan_equal: every field but the lines */
gboolean     cx_ptr_array_equal  (GPtrArray    *a,
                                  GPtrArray    *b,
                                  GEqualFunc    equal);
gboolean     cx_threshold_equal  (gconstpointer a,
                                  gconstpointer b);
gboolean     cx_disable_equal    (gconstpointer a,
                                  gconstpointer b);
gboolean     cx_accept_equal     (gconstpointer a,
                                  gconstpointer b);
gboolean     cx_persona_equal    (gconstpointer a,
                                  gconstpointer b);
gboolean     cx_lane_equal       (gconstpointer a,
                                  gconstpointer b);
gboolean     cx_cell_equal       (gconstpointer a,
                                  gconstpointer b);
gboolean     cx_failure_equal    (gconstpointer a,
                                  gconstpointer b);
gboolean     cx_step_equal       (gconstpointer a,
                                  gconstpointer b);

G_END_DECLS
