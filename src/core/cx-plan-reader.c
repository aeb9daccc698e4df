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
 * parse with the line it is on.
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "cx-plan-reader-private.h"

G_DEFINE_QUARK (cx-plan-error-quark, cx_plan_error)

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

void
reader_warn (Reader     *r,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

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

  if (r->failed || !ctxt->wellFormed || !ctxt->nsWellFormed)
    return;

  /* nameNr counts the open ancestors of this element */
  if (ctxt->nameNr >= CX_MAX_DEPTH)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, line,
                   _("elements are nested more than %d deep"), CX_MAX_DEPTH);
      return;
    }

  if (is_xinclude (uri))
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

  if (!is_our_namespace (uri))
    {
      foreign_start (r, parent, localname, prefix, uri, namespaces, n_namespaces, &attrs);
      return;
    }

  rules = kind_info (parent->kind)->children;
  for (guint i = 0; rules[i].name != NULL; i++)
    {
      if (strcmp (rules[i].name, (const char *) localname) != 0)
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

  if (r->failed || !ctxt->wellFormed || !ctxt->nsWellFormed || r->stack->len == 0)
    return;

  frame = g_array_index (r->stack, Frame, r->stack->len - 1);
  g_array_index (r->stack, Frame, r->stack->len - 1).node = NULL;  /* now the frame's own */
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

  if (r->failed || !ctxt->wellFormed || !ctxt->nsWellFormed || frame == NULL)
    return;

  if (frame->kind == KIND_FOREIGN)
    {
      foreign_text (frame, text, length);
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

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
    }

  return line;
}

/* libxml2's messages start with a capital and sometimes with the name of
 * the function that failed ("xmlParseCharRef: invalid xmlChar value 0") */
static char *
clean_libxml_message (const char *message)
{
  const char *start = message != NULL ? message : "";
  const char *colon = strstr (start, ": ");
  char *text;

  if (g_str_has_prefix (start, "xml") && colon != NULL && strchr (start, ' ') > colon)
    start = colon + 2;

  text = g_strdup (start);
  g_strstrip (text);
  if (g_ascii_isupper (text[0]) && !g_ascii_isupper (text[1]))
    text[0] = g_ascii_tolower (text[0]);

  return text;
}

/* A .cxplan file is UTF-8. An XML declaration naming another encoding
 * is refused before libxml2 sees it: it would convert through iconv,
 * and bytes that are not valid in the named encoding end in a parse
 * error about something else, with libxml2 writing to stderr. */
static gboolean
declares_utf8 (Reader     *r,
               const char *data,
               gsize       length)
{
  g_autofree char *declared = NULL;
  const char *end, *p;
  gsize head = MIN (length, 512);

  if (head >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      head -= 3;
    }
  if (head < 5 || memcmp (data, "<?xml", 5) != 0)
    return TRUE;

  end = g_strstr_len (data, head, "?>");
  if (end == NULL)
    return TRUE;  /* libxml2 will say what is wrong with it */

  p = g_strstr_len (data, end - data, "encoding");
  if (p == NULL)
    return TRUE;
  p += strlen ("encoding");
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '='))
    p++;
  if (p >= end || (*p != '"' && *p != '\''))
    return TRUE;

  {
    const char *close = memchr (p + 1, *p, end - (p + 1));

    if (close == NULL)
      return TRUE;
    declared = g_strndup (p + 1, close - (p + 1));
  }

  if (g_ascii_strcasecmp (declared, "UTF-8") == 0 || g_ascii_strcasecmp (declared, "UTF8") == 0)
    return TRUE;

  reader_fail (r, CX_PLAN_ERROR_ENCODING, line_of_offset (data, p - data),
               _("the file declares the encoding '%s': a .cxplan file is UTF-8"), declared);
  return FALSE;
}

/* Where @data stops being UTF-8 without NUL, or NULL if it is all that.
 * Plans are mostly ASCII: runs of it are skipped eight bytes at a time,
 * and GLib validates each other character alone (g_utf8_validate_len()
 * on the whole file took a tenth of reading it). */
static const char *
find_invalid_utf8 (const char *data,
                   gsize       length)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      guchar c;
      gsize n;

      if (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          /* No byte with its high bit set, and no zero byte */
          if ((word & high) == 0 && ((word - ones) & ~word & high) == 0)
            {
              p += 8;
              continue;
            }
        }

      c = (guchar) *p;
      if (c != 0 && c < 0x80)
        {
          p++;
          continue;
        }
      n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (n == 0 || (gsize) (end - p) < n || !g_utf8_validate_len (p, n, NULL))
        return p;
      p += n;
    }

  return NULL;
}

static gboolean
check_bytes (Reader     *r,
             const char *data,
             gsize       length)
{
  const char *invalid = NULL;

  if (length == 0)
    {
      reader_fail (r, CX_PLAN_ERROR_MALFORMED, 1, _("the file is empty"));
      return FALSE;
    }
  if (length > CX_MAX_FILE_SIZE)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, 1,
                   _("the file is too large: a plan may be at most %u MiB"),
                   CX_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if ((invalid = find_invalid_utf8 (data, length)) != NULL)
    {
      guint line = line_of_offset (data, invalid - data);

      if (*invalid == '\0')
        reader_fail (r, CX_PLAN_ERROR_MALFORMED, line,
                     _("not well-formed XML: the file contains a NUL byte"));
      else
        reader_fail (r, CX_PLAN_ERROR_ENCODING, line,
                     _("the text is not valid UTF-8: a .cxplan file is UTF-8 throughout"));
      return FALSE;
    }

  return declares_utf8 (r, data, length);
}

static void
parse (Reader     *r,
       const char *data,
       gsize       length)
{
  xmlParserCtxtPtr ctxt;
  xmlSAXHandlerPtr sax;

  if (!check_bytes (r, data, length))
    return;

  install_entity_loader ();

  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, 1, _("out of memory while reading"));
      return;
    }

  /* The bytes are known to be UTF-8 and so declared: no conversion. Line
   * numbers come from the parser's input (an int), so they go past 65535
   * even in SAX; XML_PARSE_BIG_LINES keeps kept foreign nodes right too. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC |
                           XML_PARSE_BIG_LINES | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

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
  sax->serror = NULL;
  ctxt->_private = r;
  ctxt->loadsubset = 0;
  ctxt->replaceEntities = 0;
  r->ctxt = ctxt;

  xmlParseDocument (ctxt);

  if (!r->failed && (!ctxt->wellFormed || !ctxt->nsWellFormed))
    {
      const xmlError *error = xmlCtxtGetLastError (ctxt);
      g_autofree char *what = clean_libxml_message (error != NULL ? error->message : NULL);

      r->ctxt = NULL;   /* nothing left to stop */
      reader_fail (r, CX_PLAN_ERROR_MALFORMED, error != NULL && error->line > 0 ? error->line : 1,
                   _("not well-formed XML: %s"), what);
    }

  if (!r->failed && ctxt->input != NULL && ctxt->input->encoding != NULL &&
      g_ascii_strcasecmp ((const char *) ctxt->input->encoding, "UTF-8") != 0 &&
      g_ascii_strcasecmp ((const char *) ctxt->input->encoding, "UTF8") != 0)
    {
      r->ctxt = NULL;
      reader_fail (r, CX_PLAN_ERROR_ENCODING, 1,
                   _("the file declares the encoding '%s': a .cxplan file is UTF-8"),
                   (const char *) ctxt->input->encoding);
    }

  if (!r->failed && r->stack->len > 0)
    {
      r->ctxt = NULL;
      reader_fail (r, CX_PLAN_ERROR_MALFORMED, reader_line (r),
                   _("not well-formed XML: the file ends inside an element"));
    }

  if (!r->failed && r->plan->line == 0)
    {
      r->ctxt = NULL;
      reader_fail (r, CX_PLAN_ERROR_MALFORMED, 1, _("the file has no root element"));
    }

  r->ctxt = NULL;
  xmlFreeParserCtxt (ctxt);
}

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  /* a kept tree still being built when the parse stopped */
  if (frame->kind == KIND_FOREIGN && frame->owns_node && frame->node != NULL)
    xmlFreeNode (frame->node);
}

static CxPlan *
read_data (const char    *data,
           gsize          length,
           const char    *display_name,
           GPtrArray    **warnings,
           CxDiagnostic **refusal,
           GError       **error)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  Reader r = { 0, };

  r.plan = plan;
  r.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) cx_diagnostic_free);
  r.stack = g_array_sized_new (FALSE, TRUE, sizeof (Frame), 16);
  g_array_set_clear_func (r.stack, frame_clear);
  r.text = g_string_sized_new (256);

  if (display_name == NULL)
    display_name = "<memory>";

  parse (&r, data, length);

  g_array_unref (r.stack);
  g_string_free (r.text, TRUE);

  if (r.failed)
    {
      g_set_error (error, CX_PLAN_ERROR, r.code, "%s:%u: %s", display_name, r.line, r.message);
      if (refusal != NULL)
        *refusal = diagnostic_new (r.line, r.message);
      g_free (r.message);
      g_ptr_array_unref (r.warnings);
      return NULL;
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
 * @error: a #GError in the %CX_PLAN_ERROR domain
 *
 * Reads a plan from memory, refusing whatever breaks the format with a
 * message that names the line.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
CxPlan *
cx_plan_read_from_data (const char    *data,
                        gsize          length,
                        const char    *display_name,
                        GPtrArray    **warnings,
                        CxDiagnostic **refusal,
                        GError       **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_data (data != NULL ? data : "", length, display_name, warnings, refusal, error);
}

/**
 * cx_plan_read_from_file:
 * @file: a .cxplan file
 * @warnings: (out) (optional) (element-type CxDiagnostic): warnings on a plan read
 * @refusal: (out) (optional): on failure, the line and what is wrong
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError in the %CX_PLAN_ERROR domain
 *
 * Reads a plan from a file, reading no more than the size limit.
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
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  guint8 buffer[65536];
  gssize n_read;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    goto io_error;

  /* Read in chunks and stop past the limit: a file's reported size can
   * lie (a pipe, /dev/zero), the bytes cannot. */
  bytes = g_byte_array_new ();
  while ((n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                        cancellable, &local_error)) > 0)
    {
      g_byte_array_append (bytes, buffer, n_read);
      if (bytes->len > CX_MAX_FILE_SIZE)
        break;
    }
  if (n_read < 0)
    goto io_error;

  return read_data ((const char *) bytes->data, bytes->len, name, warnings, refusal, error);

io_error:
  if (refusal != NULL)
    *refusal = diagnostic_new (0, local_error->message);
  g_set_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_IO, "%s:0: %s", name, local_error->message);
  return NULL;
}
