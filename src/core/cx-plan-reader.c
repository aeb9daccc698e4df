/* cx-plan-reader.c — reading .cxplan files, safely and strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 parses with every door to the outside shut: a document type
 * declaration stops the parse at once (so no entity is ever declared, let
 * alone expanded), external entities go to a loader that denies all
 * (XML_PARSE_NONET alone still reads local files in 2.9), XInclude is
 * never processed and its elements are refused, nesting deeper than
 * CX_MAX_DEPTH stops the parse. The plan is built from the SAX events
 * against the outline of the format: whatever breaks a rule stops the
 * parse with the line it is on, and so does libxml2's first error.
 *
 * The cost stays linear in the size of the file, whatever its shape: a
 * pre-scan keeps libxml2 from the elements it would spend square time on
 * (cx-plan-reader-prescan.c), foreign content is kept as text
 * (cx-plan-reader-foreign.c) within a budget, warnings past
 * CX_MAX_WARNINGS are counted, not kept, and the parse polls a
 * GCancellable every POLL_EVENTS events.
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "cx-plan-reader-private.h"

/* How many SAX events go by between two looks at the cancellable */
#define POLL_EVENTS 1024

G_DEFINE_QUARK (cx-plan-error-quark, cx_plan_error)

static CxReadPollFunc poll_func;
static gpointer poll_data;
static gsize foreign_budget;

/**
 * cx_plan_reader_set_foreign_budget:
 * @bytes: how much foreign content a read keeps at most; 0: CX_MAX_FOREIGN_SIZE
 *
 * For tests, which meet the budget without 64 MiB of input.
 */
void
cx_plan_reader_set_foreign_budget (gsize bytes)
{
  foreign_budget = bytes;
}

gsize
reader_foreign_budget (void)
{
  return foreign_budget != 0 ? foreign_budget : CX_MAX_FOREIGN_SIZE;
}

/**
 * cx_plan_reader_set_poll_func:
 * @func: (nullable): called each time a read polls its cancellable
 * @user_data: for @func
 *
 * For tests, which cancel a read while it runs: not for threads.
 */
void
cx_plan_reader_set_poll_func (CxReadPollFunc func,
                              gpointer       user_data)
{
  poll_func = func;
  poll_data = user_data;
}

void
cx_diagnostic_free (CxDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;

  g_free (diagnostic->message);
  g_free (diagnostic);
}

static CxDiagnostic *
diagnostic_new (guint       line,
                const char *message)
{
  CxDiagnostic *diagnostic = g_new0 (CxDiagnostic, 1);

  diagnostic->line = line;
  diagnostic->message = g_strdup (message);

  return diagnostic;
}

/* The first refusal wins, and stops the parse. */
void
reader_fail (Reader      *r,
             CxPlanError  code,
             guint        line,
             const char  *format,
             ...)
{
  va_list args;

  if (r->failed)
    return;

  r->failed = TRUE;
  r->code = code;
  r->line = line;
  va_start (args, format);
  r->message = g_strdup_vprintf (format, args);
  va_end (args);

  if (r->ctxt != NULL)
    xmlStopParser (r->ctxt);
}

/* A file of a newer version may hold a great many unknown elements: past
 * CX_MAX_WARNINGS they are counted, and one last warning says how many. */
void
reader_warn (Reader     *r,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->warnings->len >= CX_MAX_WARNINGS)
    {
      if (r->stats.n_warnings_left_out++ == 0)
        r->line_left_out = line;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (r->warnings, diagnostic_new (line, message));
}

/* Where the parser stands: in a start tag callback, the line of its end */
guint
reader_line (Reader *r)
{
  if (r->ctxt == NULL || r->ctxt->input == NULL || r->ctxt->input->line < 1)
    return 1;

  return (guint) r->ctxt->input->line;
}

Frame *
reader_top (Reader *r)
{
  if (r->stack->len == 0)
    return NULL;

  return &g_array_index (r->stack, Frame, r->stack->len - 1);
}

/* An attribute value as SAX hands it over. Without entity substitution,
 * libxml2 gives back an '&' (written &amp; or &#38;) as "&#38;", to be
 * decoded again; no other reference can remain, since no entity can be
 * declared, so that is all there is to undo. */
char *
attr_value_dup (const xmlChar *value,
                const xmlChar *end)
{
  char *copy = g_strndup ((const char *) value, end - value);
  char *from, *to;

  if (strchr (copy, '&') == NULL)
    return copy;

  for (from = to = copy; *from != '\0'; )
    {
      if (strncmp (from, "&#38;", 5) == 0)
        {
          *to++ = '&';
          from += 5;
        }
      else
        *to++ = *from++;
    }
  *to = '\0';

  return copy;
}

static gboolean
is_our_namespace (const xmlChar *uri)
{
  return uri != NULL && strcmp ((const char *) uri, CX_NAMESPACE) == 0;
}

/* Stops the parse when the read is cancelled */
static void
reader_cancel (Reader *r)
{
  r->cancelled = TRUE;
  reader_fail (r, CX_PLAN_ERROR_IO, 0, _("the read was cancelled"));
}

/* Every SAX event: every POLL_EVENTS, a look at the cancellable */
static gboolean
reader_poll (Reader *r)
{
  if (++r->stats.n_events % POLL_EVENTS != 0)
    return TRUE;

  if (poll_func != NULL)
    poll_func (r->stats.n_events, poll_data);
  if (r->cancellable != NULL && g_cancellable_is_cancelled (r->cancellable))
    {
      reader_cancel (r);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* SAX                                                                 */

/* A <threshold> whose name this version does not know */
static gboolean
is_newer_threshold (const SaxAttrs *attrs)
{
  for (int a = 0; a < attrs->n; a++)
    {
      if (attrs->raw[a * 5 + 2] == NULL && strcmp ((const char *) attrs->raw[a * 5], "name") == 0)
        {
          g_autofree char *name = attr_value_dup (attrs->raw[a * 5 + 3], attrs->raw[a * 5 + 4]);

          return cx_threshold_info_lookup (name, NULL) == NULL;
        }
    }

  return FALSE;
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  SaxAttrs attrs = { attributes, n_attributes };
  Frame *parent = reader_top (r);
  const ChildRule *rules;
  Frame frame = { 0, };
  guint line = reader_line (r);
  gboolean ours;

  if (r->failed || !ctxt->wellFormed || !ctxt->nsWellFormed || !reader_poll (r))
    return;

  /* nameNr counts the open ancestors of this element */
  if (ctxt->nameNr >= CX_MAX_DEPTH)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, line,
                   _("elements are nested more than %d deep"), CX_MAX_DEPTH);
      return;
    }

  /* libxml2 gives the namespace of every element from its dictionary: the
   * pointer of ours, once seen, spares the XInclude compares (and the
   * compare that it is still ours costs less than a lookup) */
  ours = uri != NULL && uri == r->our_uri && is_our_namespace (uri);

  if (!ours && is_xinclude (uri))
    {
      reader_fail (r, CX_PLAN_ERROR_UNSAFE, line,
                   _("XInclude (<%s>) is not allowed in a .cxplan file"),
                   (const char *) localname);
      return;
    }

  if (parent == NULL)
    {
      frame.kind = KIND_ROOT;
      frame.line = line;
      frame.extras = &r->plan->extras[CX_PLAN_SLOT_ROOT];
      g_array_append_val (r->stack, frame);
      start_root (r, localname, uri, namespaces, n_namespaces, &attrs);
      return;
    }

  if (parent->kind == KIND_FOREIGN)
    {
      foreign_start (r, parent, localname, prefix, uri, namespaces, n_namespaces, &attrs);
      return;
    }

  if (kind_info (parent->kind)->holds_text)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, line,
                   _("<%s> holds text only, but contains the element <%s>"),
                   kind_info (parent->kind)->name, (const char *) localname);
      return;
    }

  if (!ours && is_our_namespace (uri))
    {
      r->our_uri = uri;
      ours = TRUE;
    }
  if (!ours)
    {
      foreign_start (r, parent, localname, prefix, uri, namespaces, n_namespaces, &attrs);
      return;
    }

  rules = kind_info (parent->kind)->children;
  for (guint i = 0; rules[i].name != NULL; i++)
    {
      if (rules[i].name[0] != localname[0] || strcmp (rules[i].name, (const char *) localname) != 0)
        continue;
      /* A threshold a newer minor version added is newer content, kept
       * whole like an unknown element */
      if (rules[i].kind == KIND_THRESHOLD && r->newer_minor && is_newer_threshold (&attrs))
        break;

      if (!take_child_rule (r, parent, rules, i, line))
        return;

      frame.kind = rules[i].kind;
      frame.line = line;
      frame.object = parent->object;
      g_array_append_val (r->stack, frame);

      /* the stack may have moved: work on its top */
      start_known_element (r, reader_top (r), &attrs);
      return;
    }

  if (!r->newer_minor)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, line, _("unknown element <%s> in <%s>"),
                   (const char *) localname, kind_info (parent->kind)->name);
      return;
    }

  reader_warn (r, line,
               _("element <%s> in <%s> is from a newer version of the format; "
                 "it is kept as it is"),
               (const char *) localname, kind_info (parent->kind)->name);
  foreign_start (r, parent, localname, prefix, uri, namespaces, n_namespaces, &attrs);
}

static void
on_end_element (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  Frame frame;
  Frame *parent;
  gboolean written = TRUE;

  if (r->failed || !ctxt->wellFormed || !ctxt->nsWellFormed || r->stack->len == 0 ||
      !reader_poll (r))
    return;

  frame = g_array_index (r->stack, Frame, r->stack->len - 1);
  g_array_set_size (r->stack, r->stack->len - 1);
  parent = reader_top (r);

  if (frame.kind == KIND_FOREIGN)
    {
      foreign_end (r, &frame, parent);
      return;
    }

  if (!check_required_children (r, &frame) || !end_known_element (r, &frame, &written))
    return;

  if (parent != NULL && written)
    parent->n_written++;
}

/* libxml2 calls this at the end of a run of text: the line it stands on
 * is where the text ends, and a message about stray text points at its
 * first visible character. */
static guint
text_start_line (Reader        *r,
                 const xmlChar *text,
                 int            first,
                 int            length)
{
  int line = (int) reader_line (r);

  for (int i = first; i < length; i++)
    {
      if (text[i] == '\n')
        line--;
    }

  return line > 0 ? (guint) line : 1;
}

static void
on_characters (void          *ctx,
               const xmlChar *text,
               int            length)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  Frame *frame = reader_top (r);
  int first = 0;

  if (r->failed || !ctxt->wellFormed || !ctxt->nsWellFormed || frame == NULL ||
      !reader_poll (r))
    return;

  if (frame->kind == KIND_FOREIGN)
    {
      foreign_text (r, frame, text, length);
      return;
    }

  if (kind_info (frame->kind)->holds_text)
    {
      g_string_append_len (r->text, (const char *) text, length);
      return;
    }

  while (first < length && (text[first] == ' ' || text[first] == '\t' ||
                            text[first] == '\n' || text[first] == '\r'))
    first++;

  if (first < length)
    reader_fail (r, CX_PLAN_ERROR_INVALID, text_start_line (r, text, first, length),
                 _("unexpected text in <%s>: it holds elements only"),
                 kind_info (frame->kind)->name);
}

static void
on_reference (void          *ctx,
              const xmlChar *name)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  reader_fail (r, CX_PLAN_ERROR_UNSAFE, reader_line (r),
               _("entity references are not allowed in a .cxplan file"));
}

static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  reader_fail (r, CX_PLAN_ERROR_UNSAFE, reader_line (r),
               _("a document type declaration (<!DOCTYPE>) is not allowed in a .cxplan "
                 "file: it could declare entities or load other files"));
}

static void
on_entity_decl (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  reader_fail (r, CX_PLAN_ERROR_UNSAFE, reader_line (r),
               _("entity declarations are not allowed in a .cxplan file"));
}

static xmlParserInputPtr
deny_external_entity (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  ctxt)
{
  /* A .cxplan file never loads anything else: not a DTD, not an entity */
  return NULL;
}

/* libxml2's errors: the first is kept, with where the parser stood, and
 * stops the parse (libxml2 would go on past it, with the SAX events off,
 * through whatever follows). Warnings let it go on. */
static void
on_xml_error (void        *user_data,
              xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = error != NULL ? error->ctxt : NULL;
  Reader *r;

  if (ctxt == NULL || error->level < XML_ERR_ERROR)
    return;

  r = ctxt->_private;
  if (r == NULL || r->xml_error != NULL)
    return;

  r->xml_error = g_strdup (error->message != NULL ? error->message : "");
  r->xml_error_line = error->line;
  r->xml_error_offset = xmlByteConsumed (ctxt);
  xmlStopParser (ctxt);
}

static void
install_entity_loader (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_external_entity);
      g_once_init_leave (&installed, 1);
    }
}

/* ------------------------------------------------------------------ */

/* The refusal of an element the pre-scan found over a limit */
static void
refuse_prescanned (Reader        *r,
                   const char    *data,
                   const Prescan *scan)
{
  guint line = line_of_offset (data, scan->offset);

  r->ctxt = NULL;
  if (scan->result == PRESCAN_TOO_MANY_ATTRIBUTES)
    reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, line,
                 _("<%s> has more than %u attributes, the most a .cxplan file may have on "
                   "one element"),
                 scan->name, CX_MAX_ATTRIBUTES);
  else
    reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, line,
                 _("<%s> brings the namespace declarations in scope to more than %u, the most "
                   "a .cxplan file may have at once"),
                 scan->name, CX_MAX_NAMESPACES);
}

/* libxml2 reads the bytes through this, a few kilobytes at a time, into
 * a buffer it keeps small: a copy of the whole of them (what
 * xmlCreateMemoryParserCtxt() makes) costs a 10,000-step plan 6 MB of
 * fresh pages. (The no-copy buffer of xmlParserInputBufferCreateStatic()
 * loses its place near the end of the input in libxml2 2.9.) */
typedef struct
{
  const char *data;
  gsize       left;
} Source;

static int
source_read (void *context,
             char *buffer,
             int   length)
{
  Source *source = context;
  gsize n = MIN ((gsize) MAX (length, 0), source->left);

  memcpy (buffer, source->data, n);
  source->data += n;
  source->left -= n;

  return (int) n;
}

static void
parse (Reader     *r,
       const char *data,
       gsize       length)
{
  g_auto(Prescan) scan = { 0, };
  Source source = { data, 0 };
  xmlParserCtxtPtr ctxt;
  xmlSAXHandlerPtr sax;
  gsize parsed;

  if (!check_bytes (r, data, length))
    return;

  if (r->cancellable != NULL && g_cancellable_is_cancelled (r->cancellable))
    {
      reader_cancel (r);
      return;
    }

  /* libxml2 sees the bytes before an element over a limit, and no more:
   * if nothing before it is wrong, that element is */
  prescan (data, length, r->cancellable, &scan, &r->stats);
  if (scan.result == PRESCAN_CANCELLED)
    {
      reader_cancel (r);
      return;
    }
  parsed = scan.result == PRESCAN_OK ? length : scan.offset;
  if (parsed == 0)
    {
      refuse_prescanned (r, data, &scan);
      return;
    }

  install_entity_loader ();
  source.left = parsed;

  ctxt = xmlCreateIOParserCtxt (NULL, NULL, source_read, NULL, &source, XML_CHAR_ENCODING_NONE);
  if (ctxt == NULL)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, 1, _("out of memory while reading"));
      return;
    }

  /* The bytes are known to be UTF-8 and so declared: no conversion. Line
   * numbers come from the parser's input (an int), so they go past 65535
   * even in SAX. XML_PARSE_HUGE: without it libxml2 refuses a valid file
   * over 10 MB where it looks ahead near the end ("Huge input lookup");
   * what it would bound otherwise (a name, a text, a value) costs time in
   * its length only, and the file is at most CX_MAX_FILE_SIZE. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC |
                           XML_PARSE_BIG_LINES | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_HUGE);

  /* Our handlers only: no tree is built */
  sax = ctxt->sax;
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->internalSubset = on_internal_subset;
  sax->externalSubset = on_internal_subset;
  sax->entityDecl = on_entity_decl;
  sax->reference = on_reference;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_characters;
  sax->cdataBlock = on_characters;
  sax->ignorableWhitespace = on_characters;
  sax->serror = on_xml_error;
  ctxt->_private = r;
  ctxt->loadsubset = 0;
  ctxt->replaceEntities = 0;
  r->ctxt = ctxt;

  xmlParseDocument (ctxt);
  r->ctxt = NULL;   /* nothing left to stop */

  if (scan.result != PRESCAN_OK)
    {
      /* the bytes end early: only an error before them counts */
      if (!r->failed && (r->xml_error == NULL || r->xml_error_offset >= (long) scan.prev_end))
        refuse_prescanned (r, data, &scan);
    }

  if (!r->failed && (!ctxt->wellFormed || !ctxt->nsWellFormed))
    {
      const xmlError *last = xmlCtxtGetLastError (ctxt);
      const char *message = r->xml_error != NULL ? r->xml_error
                                                 : last != NULL ? last->message : NULL;
      int line = r->xml_error != NULL ? r->xml_error_line : last != NULL ? last->line : 0;
      g_autofree char *what = clean_libxml_message (message);

      reader_fail (r, CX_PLAN_ERROR_MALFORMED, line > 0 ? (guint) line : 1,
                   _("not well-formed XML: %s"), what);
    }

  if (!r->failed && ctxt->input != NULL && ctxt->input->encoding != NULL &&
      g_ascii_strcasecmp ((const char *) ctxt->input->encoding, "UTF-8") != 0 &&
      g_ascii_strcasecmp ((const char *) ctxt->input->encoding, "UTF8") != 0)
    reader_fail (r, CX_PLAN_ERROR_ENCODING, 1,
                 _("the file declares the encoding '%s': a .cxplan file is UTF-8"),
                 (const char *) ctxt->input->encoding);

  if (!r->failed && r->stack->len > 0)
    reader_fail (r, CX_PLAN_ERROR_MALFORMED, reader_line (r),
                 _("not well-formed XML: the file ends inside an element"));

  if (!r->failed && r->plan->line == 0)
    reader_fail (r, CX_PLAN_ERROR_MALFORMED, 1, _("the file has no root element"));

  xmlFreeParserCtxt (ctxt);
}

static CxPlan *
read_data (const char    *data,
           gsize          length,
           const char    *display_name,
           GPtrArray    **warnings,
           CxDiagnostic **refusal,
           GCancellable  *cancellable,
           CxReadStats   *stats,
           GError       **error)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  Reader r = { 0, };

  r.plan = plan;
  r.cancellable = cancellable;
  r.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) cx_diagnostic_free);
  r.stack = g_array_sized_new (FALSE, TRUE, sizeof (Frame), 16);
  r.text = g_string_sized_new (256);
  r.scratch = g_string_sized_new (256);
  foreign_init (&r);

  if (display_name == NULL)
    display_name = "<memory>";

  parse (&r, data, length);
  if (!r.failed)
    foreign_settle (&r);

  g_array_unref (r.stack);
  g_string_free (r.text, TRUE);
  g_string_free (r.scratch, TRUE);
  foreign_clear (&r);
  g_free (r.xml_error);
  if (stats != NULL)
    *stats = r.stats;

  if (r.cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, r.message);
      g_free (r.message);
      g_ptr_array_unref (r.warnings);
      return NULL;
    }

  if (r.failed)
    {
      g_set_error (error, CX_PLAN_ERROR, r.code, "%s:%u: %s", display_name, r.line, r.message);
      if (refusal != NULL)
        *refusal = diagnostic_new (r.line, r.message);
      g_free (r.message);
      g_ptr_array_unref (r.warnings);
      return NULL;
    }

  if (r.stats.n_warnings_left_out > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "and %u more warning from here on, not listed: "
                                              "a plan lists at most %u",
                                              "and %u more warnings from here on, not listed: "
                                              "a plan lists at most %u",
                                              r.stats.n_warnings_left_out),
                                 r.stats.n_warnings_left_out, CX_MAX_WARNINGS);
      g_ptr_array_add (r.warnings, diagnostic_new (r.line_left_out, message));
    }

  if (warnings != NULL)
    *warnings = g_steal_pointer (&r.warnings);
  else
    g_ptr_array_unref (r.warnings);

  return g_steal_pointer (&plan);
}

/**
 * cx_plan_read_from_data:
 * @data: the bytes of a .cxplan file
 * @length: their length
 * @display_name: (nullable): the file's name in messages
 * @warnings: (out) (optional) (element-type CxDiagnostic): warnings on a plan read
 * @refusal: (out) (optional): on failure, the line and what is wrong
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError in the %CX_PLAN_ERROR domain, or %G_IO_ERROR_CANCELLED
 *
 * Reads a plan from memory, refusing whatever breaks the format with a
 * message that names the line, in time linear in @length and memory
 * within a few times it. @cancellable is polled as the read goes on: when
 * it is cancelled, the read stops with %G_IO_ERROR_CANCELLED (and no
 * @refusal).
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
CxPlan *
cx_plan_read_from_data (const char    *data,
                        gsize          length,
                        const char    *display_name,
                        GPtrArray    **warnings,
                        CxDiagnostic **refusal,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_data (data != NULL ? data : "", length, display_name, warnings, refusal,
                    cancellable, NULL, error);
}

/* For tests and benchmarks: a read, and what it did */
CxPlan *
cx_plan_read_measured (const char    *data,
                       gsize          length,
                       const char    *display_name,
                       GPtrArray    **warnings,
                       GCancellable  *cancellable,
                       CxReadStats   *stats,
                       GError       **error)
{
  return read_data (data != NULL ? data : "", length, display_name, warnings, NULL,
                    cancellable, stats, error);
}

/**
 * cx_plan_read_from_file:
 * @file: a .cxplan file
 * @warnings: (out) (optional) (element-type CxDiagnostic): warnings on a plan read
 * @refusal: (out) (optional): on failure, the line and what is wrong
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError in the %CX_PLAN_ERROR domain, or %G_IO_ERROR_CANCELLED
 *
 * Reads a plan from a file, reading no more than the size limit, as
 * cx_plan_read_from_data() reads it.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
CxPlan *
cx_plan_read_from_file (GFile         *file,
                        GPtrArray    **warnings,
                        CxDiagnostic **refusal,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gsize capacity = 64 * 1024;
  gssize n_read;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    goto io_error;

  /* The size the file says it has sizes the buffer, up to the limit, with
   * room for the read that finds the end: a file that tells the truth is
   * read in place, in one piece */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable,
                                         NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    capacity += CLAMP (g_file_info_get_size (info), 0, (goffset) CX_MAX_FILE_SIZE);

  /* Read in chunks and stop past the limit: a file's reported size can
   * lie (a pipe, /dev/zero), the bytes cannot. */
  bytes = g_byte_array_sized_new (capacity);
  do
    {
      guint len = bytes->len;

      if (len == capacity)
        capacity = MIN (capacity * 2, CX_MAX_FILE_SIZE + 64 * 1024);
      g_byte_array_set_size (bytes, capacity);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), bytes->data + len, capacity - len,
                                    cancellable, &local_error);
      g_byte_array_set_size (bytes, len + MAX (n_read, 0));
    }
  while (n_read > 0 && bytes->len <= CX_MAX_FILE_SIZE);
  if (n_read < 0)
    goto io_error;

  return read_data ((const char *) bytes->data, bytes->len, name, warnings, refusal,
                    cancellable, NULL, error);

io_error:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (refusal != NULL)
    *refusal = diagnostic_new (0, local_error->message);
  g_set_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_IO, "%s:0: %s", name, local_error->message);
  return NULL;
}
