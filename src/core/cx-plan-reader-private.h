/* cx-plan-reader-private.h — what the parts of the reader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader is a SAX handler: libxml2 parses, and the plan is built as
 * the elements stream by, without a document tree in between (building
 * and freeing the tree cost more than everything else together). Each
 * open element is a Frame on a stack; the outline of the format (which
 * children, in what order, how many) is a table of rules per kind of
 * element. Content in foreign namespaces is kept as text, in CxExtras
 * (see cx-extras.h), written as its SAX events come.
 */

#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cx-format.h"
#include "cx-model-private.h"
#include "cx-plan-io.h"

G_BEGIN_DECLS

typedef enum
{
  KIND_NONE,
  KIND_ROOT,
  KIND_TITLE,
  KIND_DESCRIPTION,
  KIND_AUTHOR,
  KIND_CREATED,
  KIND_MODIFIED,
  KIND_SETTINGS,
  KIND_THRESHOLD,
  KIND_DISABLE,
  KIND_ACCEPT,
  KIND_PERSONAS,
  KIND_PERSONA,
  KIND_PERSONA_NAME,
  KIND_PERSONA_DESCRIPTION,
  KIND_LANES,
  KIND_LANE,
  KIND_LANE_NAME,
  KIND_PHASES,
  KIND_PHASE,
  KIND_STEP,
  KIND_STEP_TITLE,
  KIND_EXPECTED,
  KIND_DELIVERED,
  KIND_EMOTION,
  KIND_CELL,
  KIND_FAILURE,
  KIND_MODE,
  KIND_EFFECT,
  KIND_LINK,
  KIND_FOREIGN,       /* inside content kept as it is */
  N_KINDS
} Kind;

/* A child an element may have, in the order of the format */
typedef struct
{
  const char *name;
  Kind        kind;
  gboolean    required;
  gboolean    repeated;
} ChildRule;

typedef struct
{
  const char       *name;
  const ChildRule  *children;   /* NULL-name terminated; NULL: text only */
  gboolean          holds_text;
} KindInfo;

typedef struct
{
  Kind        kind;
  guint       line;
  guint       rule;         /* the child rule reached */
  guint       rule_count;   /* children taken under that rule */
  guint       n_written;    /* known children the writer will write */
  CxExtras  **extras;       /* where foreign content of this element goes */
  gpointer    object;       /* the model object this element fills */
  char      **text;         /* text elements: where the text goes */

  /* KIND_FOREIGN: the kept element being written into *extras */
  gsize       kept_start;   /* where its start tag begins */
  gsize       name_at;      /* where its name (as written) is */
  gsize       text_at;      /* where its current run of text began; G_MAXSIZE: none */
  guint       name_length;
  guint       scope_mark;   /* Reader.kept_decls before its declarations */
  guint       chain;        /* declarations written on it and its kept ancestors */
  guint       tag_open : 1;     /* its start tag is not closed yet */
  guint       has_elements : 1;
  guint       has_text : 1;     /* it keeps text: written as it stands */
  guint       text_blank : 1;   /* the run of text so far is white space only */
} Frame;

/* What a read did, for tests and benchmarks: counts that grow with the
 * work the reader does, so a test can see it stay linear */
typedef struct
{
  guint64 n_events;         /* SAX callbacks */
  guint64 n_probes;         /* lookups in the namespace tables, prefixes tried */
  guint64 n_prescanned;     /* bytes the pre-scan went through */
  gsize   foreign_bytes;    /* bytes of foreign content kept */
  guint   n_namespaces;     /* namespaces the written root will declare */
  guint   max_chain;        /* most declarations on one kept element and its kept ancestors */
  guint   n_warnings_left_out;
} CxReadStats;

/* A namespace declaration in scope inside the kept element being read */
typedef struct
{
  const xmlChar *prefix;    /* interned by the parser; NULL: the default namespace */
  const xmlChar *uri;
  guint          shadowed;  /* the declaration of the same prefix it hides, + 1; 0: none */
} KeptDecl;

typedef struct
{
  xmlParserCtxtPtr  ctxt;
  CxPlan           *plan;
  GPtrArray        *warnings;       /* CxDiagnostic */
  GArray           *stack;          /* Frame */
  GString          *text;           /* the text of the open text element */
  GString          *scratch;        /* the known attributes' values (Values) */
  const xmlChar    *our_uri;        /* CX_NAMESPACE as libxml2's dictionary has it */
  gboolean          newer_minor;    /* unknown content of ours is kept, not refused */
  guint             phases_seen;
  guint             emotion_lane_line;
  guint             expectation_lane_line;

  GCancellable     *cancellable;
  gboolean          cancelled;

  /* Foreign namespaces: the written root's, and those in the kept element */
  GHashTable       *root_by_prefix;  /* prefix → CxNsDecl of the plan */
  GHashTable       *root_by_uri;     /* URI → CxNsDecl */
  GHashTable       *fresh_counters;  /* prefix → the next number to try after it */
  GHashTable       *kept_scope;      /* interned prefix → index + 1 in kept_decls */
  GArray           *kept_decls;      /* KeptDecl */
  GHashTable       *unsettled;       /* CxExtras with declarations the root may make */
  CxReadStats       stats;

  /* libxml2's first error, kept as it is raised: the parse stops there */
  char             *xml_error;
  int               xml_error_line;
  long              xml_error_offset;
  guint             line_left_out;   /* of the first warning not kept */

  gboolean          failed;
  CxPlanError       code;
  guint             line;
  char             *message;
} Reader;

/* SAX gives attributes as five pointers each */
typedef struct
{
  const xmlChar **raw;      /* localname, prefix, URI, value, end */
  int             n;
} SaxAttrs;

#define MAX_KNOWN_ATTRS 8

void         reader_fail            (Reader      *r,
                                     CxPlanError  code,
                                     guint        line,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (4, 5);
void         reader_warn            (Reader      *r,
                                     guint        line,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (3, 4);
guint        reader_line            (Reader      *r);
Frame       *reader_top             (Reader      *r);

const KindInfo *kind_info           (Kind         kind);

char        *attr_value_dup         (const xmlChar  *value,
                                     const xmlChar  *end);

/* The known attributes of an element, NUL-terminated, in the reader's
 * scratch buffer until the next element: what the model keeps is copied
 * from there, what is only parsed (levels, kinds, flags) is never
 * allocated */
typedef struct
{
  const char *values[MAX_KNOWN_ATTRS];
} Values;

/* cx-plan-reader-input.c */
guint        line_of_offset         (const char         *data,
                                     gsize               offset);
char        *clean_libxml_message   (const char         *message);
gboolean     check_bytes            (Reader             *r,
                                     const char         *data,
                                     gsize               length);

/* cx-plan-reader-attrs.c */
CxExtras    *extras_of              (Frame              *frame);
const char  *element_name           (Frame              *frame);
gboolean     read_attrs             (Reader             *r,
                                     Frame              *frame,
                                     const SaxAttrs     *attrs,
                                     const char * const *names,
                                     Values             *values);
gboolean     require_attr           (Reader             *r,
                                     Frame              *frame,
                                     const char         *name,
                                     const char         *value);
gboolean     parse_int              (Reader             *r,
                                     Frame              *frame,
                                     const char         *name,
                                     const char         *value,
                                     int                 min,
                                     int                 max,
                                     int                *out);
gboolean     parse_bool             (Reader             *r,
                                     Frame              *frame,
                                     const char         *name,
                                     const char         *value,
                                     gboolean           *out);
gboolean     parse_enum             (Reader             *r,
                                     Frame              *frame,
                                     const char         *name,
                                     const char         *value,
                                     GType               type,
                                     int                *out);
gboolean     take_id                (Reader             *r,
                                     Frame              *frame,
                                     const char         *id,
                                     GObject            *object);

/* cx-plan-reader-outline.c */
gboolean     take_child_rule        (Reader          *r,
                                     Frame           *parent,
                                     const ChildRule *rules,
                                     guint            index,
                                     guint            line);
gboolean     check_required_children (Reader         *r,
                                     Frame           *frame);

/* cx-plan-reader-elements.c */
gboolean     start_known_element    (Reader         *r,
                                     Frame          *frame,
                                     const SaxAttrs *attrs);
gboolean     end_known_element      (Reader         *r,
                                     Frame          *frame,
                                     gboolean       *written);
gboolean     start_root             (Reader         *r,
                                     const xmlChar  *localname,
                                     const xmlChar  *uri,
                                     const xmlChar **namespaces,
                                     int             n_namespaces,
                                     const SaxAttrs *attrs);

/* cx-plan-reader-foreign.c */
void         foreign_init           (Reader         *r);
void         foreign_clear          (Reader         *r);
gboolean     foreign_settle         (Reader         *r);
gboolean     keep_attr              (Reader         *r,
                                     Frame          *frame,
                                     const char     *uri,
                                     const char     *prefix,
                                     const char     *name,
                                     const char     *value);
gboolean     foreign_start          (Reader         *r,
                                     Frame          *parent,
                                     const xmlChar  *localname,
                                     const xmlChar  *prefix,
                                     const xmlChar  *uri,
                                     const xmlChar **namespaces,
                                     int             n_namespaces,
                                     const SaxAttrs *attrs);
void         foreign_text           (Reader         *r,
                                     Frame          *frame,
                                     const xmlChar  *text,
                                     int             length);
void         foreign_end            (Reader         *r,
                                     Frame          *frame,
                                     Frame          *parent);
gboolean     is_xinclude            (const xmlChar  *uri);
const char  *plan_prefix_for        (Reader         *r,
                                     const char     *uri,
                                     const char     *prefix);

/* cx-plan-reader-prescan.c */
typedef enum
{
  PRESCAN_OK,
  PRESCAN_TOO_MANY_ATTRIBUTES,
  PRESCAN_TOO_MANY_NAMESPACES,
  PRESCAN_CANCELLED,
} PrescanResult;

typedef struct
{
  PrescanResult  result;
  gsize          offset;      /* where the element over a limit starts */
  gsize          prev_end;    /* where the markup before it ends */
  char          *name;        /* its name */
} Prescan;

void         prescan                (const char     *data,
                                     gsize           length,
                                     GCancellable   *cancellable,
                                     Prescan        *result,
                                     CxReadStats    *stats);
void         prescan_clear          (Prescan        *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Prescan, prescan_clear)

/* For tests: reads as cx_plan_read_from_data() does, and says what it did */
CxPlan      *cx_plan_read_measured  (const char     *data,
                                     gsize           length,
                                     const char     *display_name,
                                     GPtrArray     **warnings,
                                     GCancellable   *cancellable,
                                     CxReadStats    *stats,
                                     GError        **error);

/* For tests: the budget of kept foreign content (0: CX_MAX_FOREIGN_SIZE) */
void         cx_plan_reader_set_foreign_budget (gsize bytes);
gsize        reader_foreign_budget  (void);

/* For tests: called every time the reader polls its cancellable */
typedef void (*CxReadPollFunc) (guint64  n_events,
                                gpointer user_data);
void         cx_plan_reader_set_poll_func (CxReadPollFunc func,
                                           gpointer       user_data);

G_END_DECLS
