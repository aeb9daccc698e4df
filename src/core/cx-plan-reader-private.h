/* cx-plan-reader-private.h — what the parts of the reader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader is a SAX handler: libxml2 parses, and the plan is built as
 * the elements stream by, without a document tree in between (building
 * and freeing the tree cost more than everything else together). Each
 * open element is a Frame on a stack; the outline of the format (which
 * children, in what order, how many) is a table of rules per kind of
 * element. Content in foreign namespaces is built into small libxml2
 * trees of its own, kept in CxExtras.
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
  xmlNodePtr  node;         /* KIND_FOREIGN: the kept node being built */
  gboolean    owns_node;    /* the outermost kept element: its tree is ours to free */
} Frame;

typedef struct
{
  xmlParserCtxtPtr  ctxt;
  CxPlan           *plan;
  GPtrArray        *warnings;       /* CxDiagnostic */
  GArray           *stack;          /* Frame */
  GString          *text;           /* the text of the open text element */
  gboolean          newer_minor;    /* unknown content of ours is kept, not refused */
  guint             phases_seen;
  guint             emotion_lane_line;
  guint             expectation_lane_line;

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

/* The known attributes of an element, as NUL-terminated copies */
typedef struct
{
  char *values[MAX_KNOWN_ATTRS];
} Values;

/* cx-plan-reader-attrs.c */
void         values_clear           (Values             *values);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)
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
gboolean     foreign_start          (Reader         *r,
                                     Frame          *parent,
                                     const xmlChar  *localname,
                                     const xmlChar  *prefix,
                                     const xmlChar  *uri,
                                     const xmlChar **namespaces,
                                     int             n_namespaces,
                                     const SaxAttrs *attrs);
void         foreign_text           (Frame          *frame,
                                     const xmlChar  *text,
                                     int             length);
void         foreign_end            (Reader         *r,
                                     Frame          *frame,
                                     Frame          *parent);
gboolean     is_xinclude            (const xmlChar  *uri);
const char  *plan_prefix_for        (CxPlan         *plan,
                                     const char     *uri,
                                     const char     *prefix);

G_END_DECLS
