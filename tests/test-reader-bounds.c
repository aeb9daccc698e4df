/* test-reader-bounds.c — the reader's cost, bounded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each shape of cx-hostile-gen.h that could cost a reader more than
 * its bytes, a plan of n units and one of 4n: the reader's work (SAX
 * events, lookups in its namespace tables, bytes of foreign content kept)
 * and the writer's output must grow no faster than the file; what stays
 * on the heap, per byte added, within 10 bytes; and the written plan must
 * read back to the same bytes. No timing: counts the reader keeps
 * (CxReadStats), and malloc's own figures where they mean something.
 * Then the limits, each refused at its line with a message that names it;
 * the budget of foreign content; cancellation before and during a read;
 * the warnings kept.
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <malloc.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cx-format.h"
#include "cx-hostile-gen.h"
#include "cx-model.h"
#include "cx-plan-io.h"
#include "cx-plan-reader-private.h"

/* ------------------------------------------------------------------ */

static gboolean
under_valgrind (void)
{
  return g_getenv ("CX_UNDER_VALGRIND") != NULL;
}

/* Bytes malloc hands out now; 0 where malloc is not glibc's (a sanitizer,
 * valgrind): then the heap is not measured */
static gint64
heap_in_use (void)
{
  struct mallinfo2 info;

  if (under_valgrind ())
    return 0;
  info = mallinfo2 ();

  return (gint64) (info.uordblks + info.hblkhd);
}

typedef struct
{
  gsize       length;
  CxReadStats stats;
  gint64      heap;          /* held by the plan once read; 0: not measured */
  gsize       written;       /* bytes of cx_plan_to_bytes() */
} Measure;

static void
measure (CxHostileShape  shape,
         guint           n,
         Measure        *m)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(CxPlan) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *data = cx_hostile_generate (shape, n, &m->length);
  gint64 before;

  malloc_trim (0);
  before = heap_in_use ();
  plan = cx_plan_read_measured (data, m->length, "hostile.cxplan", &warnings, NULL,
                                &m->stats, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  m->heap = before > 0 ? heap_in_use () - before : 0;
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* the writer: its output reads back, to the same bytes */
  bytes = cx_plan_to_bytes (plan);
  m->written = g_bytes_get_size (bytes);
  reread = cx_plan_read_from_data (g_bytes_get_data (bytes, NULL), m->written, "written",
                                   NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cx_plan_equal (plan, reread));
  again = cx_plan_to_bytes (reread);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* @large is no more than 4 times @small, give or take @slack */
#define assert_linear(what, small, large, slack) \
  G_STMT_START { \
    g_test_message ("%s: %" G_GUINT64_FORMAT " -> %" G_GUINT64_FORMAT, (what), \
                    (guint64) (small), (guint64) (large)); \
    g_assert_cmpuint ((guint64) (large), <=, 4 * (guint64) (small) + (guint64) (slack)); \
  } G_STMT_END

static void
test_linear (gconstpointer user_data)
{
  CxHostileShape shape = GPOINTER_TO_UINT (user_data);
  /* about 256 KiB of the shape, and 1 MiB; 32 and 128 KiB under valgrind */
  guint n = MAX (4, (under_valgrind () ? 32 : 256) * 1024 / cx_hostile_unit_size (shape));
  Measure small = { 0, };
  Measure large = { 0, };
  gsize slack;

  measure (shape, n, &small);
  measure (shape, 4 * n, &large);
  slack = small.length / 8 + 1024;

  g_test_message ("%s: %u and %u units, %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT " bytes",
                  cx_hostile_shape_name (shape), n, 4 * n, small.length, large.length);
  assert_linear ("bytes", small.length, large.length, slack);

  /* The whole file is pre-scanned, once */
  g_assert_cmpuint (small.stats.n_prescanned, ==, small.length);
  g_assert_cmpuint (large.stats.n_prescanned, ==, large.length);

  /* Work and what is kept grow with the file, no faster */
  assert_linear ("SAX events", small.stats.n_events, large.stats.n_events, 64);
  assert_linear ("namespace lookups", small.stats.n_probes, large.stats.n_probes, 1024);
  assert_linear ("foreign bytes kept", small.stats.foreign_bytes, large.stats.foreign_bytes,
                 slack);
  g_assert_cmpuint (large.stats.foreign_bytes, <=, large.length + large.length / 4);
  g_assert_cmpuint (large.stats.n_namespaces + 1 + large.stats.max_chain, <=, CX_MAX_NAMESPACES);

  /* The written file too: at most 4 times the text ('>' becomes "&gt;"),
   * but for elements nested deep without indentation, which are written
   * one a line, indented up to 60 spaces: 18 times for <a><a>…</a></a> */
  assert_linear ("bytes written", small.written, large.written, slack);
  g_assert_cmpuint (large.written, <=, (shape == CX_HOSTILE_DEEP ? 18 : 4) * large.length);

  /* What stays on the heap, per byte the file adds */
  if (small.heap > 0 && large.heap > 0)
    {
      double per_byte = (double) (large.heap - small.heap) / (large.length - small.length);

      g_test_message ("heap: %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT " bytes, %.2f a byte",
                      small.heap, large.heap, per_byte);
      /* A plain step costs the model about 14 bytes a byte of the file */
      g_assert_cmpfloat (per_byte, <=, shape == CX_HOSTILE_STEPS ? 16.0 : 10.0);
      g_assert_cmpint (large.heap, <=, 10 * (gint64) large.length + 32 * 1024 * 1024);
    }
}

/* ------------------------------------------------------------------ */
/* Refusals                                                            */

static GError *
read_error (const char *xml,
            gsize       length)
{
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(CxDiagnostic) refusal = NULL;
  GError *error = NULL;

  plan = cx_plan_read_from_data (xml, length, "bad.cxplan", NULL, &refusal, NULL, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_nonnull (refusal);

  return error;
}

static void
assert_refused (const char  *xml,
                gsize        length,
                CxPlanError  code,
                guint        line,
                const char  *words)
{
  g_autoptr(GError) error = read_error (xml, length);
  g_autofree char *prefix = g_strdup_printf ("bad.cxplan:%u: ", line);

  g_test_message ("%s", error->message);
  g_assert_error (error, CX_PLAN_ERROR, (gint) code);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, words));
}

static CxPlan *
read_ok (const char *xml,
         gsize       length)
{
  g_autoptr(GError) error = NULL;
  CxPlan *plan = cx_plan_read_from_data (xml, length, "ok.cxplan", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

/* The plan, written and read again, gives the same bytes */
static void
assert_reads_back (CxPlan *plan)
{
  g_autoptr(GBytes) bytes = cx_plan_to_bytes (plan);
  g_autoptr(CxPlan) reread = read_ok (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GBytes) again = cx_plan_to_bytes (reread);

  g_assert_true (cx_plan_equal (plan, reread));
  g_assert_true (g_bytes_equal (bytes, again));
}

#define HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<cxplan xmlns=\"urn:cxplan:plan:1\" xmlns:x=\"urn:x\" version=\"1.0\">\n" \
  "  <title>T</title>\n" \
  "  <lanes/>\n" \
  "  <phases>\n" \
  "    <phase kind=\"before\">\n" \
  "      <step id=\"s\">\n" \
  "        <title>S</title>\n"
/* HEAD ends on line 8 */
#define TAIL \
  "      </step>\n" \
  "    </phase>\n" \
  "    <phase kind=\"during\"/>\n" \
  "    <phase kind=\"after\"/>\n" \
  "    <phase kind=\"recovery\"/>\n" \
  "  </phases>\n" \
  "</cxplan>\n"

/* A foreign element on line 9 with @n attributes and @n_declarations
 * namespace declarations */
static char *
plan_with_element (guint n,
                   guint n_declarations)
{
  GString *xml = g_string_new (HEAD "        <x:e");

  for (guint i = 0; i < n_declarations; i++)
    g_string_append_printf (xml, " xmlns:n%u=\"urn:n:%u\"", i, i);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml, " a%u=\"%u\"", i, i);
  g_string_append (xml, "/>\n" TAIL);

  return g_string_free (xml, FALSE);
}

static void
test_attribute_limit (void)
{
  g_autofree char *most = plan_with_element (CX_MAX_ATTRIBUTES, 0);
  g_autofree char *over = plan_with_element (CX_MAX_ATTRIBUTES + 1, 0);
  g_autoptr(CxPlan) plan = read_ok (most, strlen (most));

  assert_reads_back (plan);
  assert_refused (over, strlen (over), CX_PLAN_ERROR_TOO_LARGE, 9,
                  "<x:e> has more than 256 attributes");
}

/* The pre-scan where its shortcuts end: a start tag after the last '>'
 * of the bytes (read with end checks), a quoted value holding that '>',
 * names and end tags running to the end. The results are those of the
 * byte-at-a-time pass it replaced. */
static void
test_prescan_edges (void)
{
  g_autoptr(GString) attrs = g_string_new (NULL);
  g_autoptr(GString) nested = g_string_new ("<r>");
  struct
  {
    char          *data;
    PrescanResult  result;
    gsize          offset;
    gsize          prev_end;
    const char    *name;
    guint64        scanned;
  } cases[6];

  memset (cases, 0, sizeof cases);
  for (guint i = 0; i <= CX_MAX_ATTRIBUTES; i++)
    g_string_append_printf (attrs, " a%u=\"v\"", i);
  for (guint i = 0; i < 70; i++)
    g_string_append_printf (nested, "<e%u xmlns:p%u=\"u\" xmlns:q%u=\"u\" xmlns=\"v\">", i, i, i);

  cases[0].data = g_strconcat ("<r>\n<e", attrs->str, NULL);
  cases[0].result = PRESCAN_TOO_MANY_ATTRIBUTES;
  cases[0].offset = 4;
  cases[0].prev_end = 3;
  cases[0].name = "e";
  cases[0].scanned = 4;
  cases[1].data = g_strconcat ("<r>\n<e b=\"x>y\"", attrs->str, NULL);
  cases[1].result = PRESCAN_TOO_MANY_ATTRIBUTES;
  cases[1].offset = 4;
  cases[1].prev_end = 3;
  cases[1].name = "e";
  cases[1].scanned = 4;
  /* not well-formed: nothing found, the bytes gone through up to the tag */
  cases[2].data = g_strdup ("<r>\n<e a=\"1>\" b");
  cases[2].result = PRESCAN_OK;
  cases[2].scanned = 3;
  cases[3].data = g_strdup ("<r><abcdefghijklmnopqrstuvwxyz");
  cases[3].result = PRESCAN_OK;
  cases[3].scanned = 3;
  cases[4].data = g_strdup ("<r><a></a></r");
  cases[4].result = PRESCAN_OK;
  cases[4].scanned = 10;
  cases[5].data = g_strdup (nested->str);
  cases[5].result = PRESCAN_TOO_MANY_NAMESPACES;
  cases[5].offset = 1779;
  cases[5].prev_end = 1779;
  cases[5].name = "e42";
  cases[5].scanned = 1779;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* a copy of the exact length: a read past the end shows under valgrind */
      gsize length = strlen (cases[i].data);
      g_autofree char *data = g_memdup2 (cases[i].data, length);
      g_auto(Prescan) scan = { 0, };
      CxReadStats stats = { 0, };

      g_test_message ("case %u", i);
      prescan (data, length, NULL, &scan, &stats);
      g_assert_cmpint (scan.result, ==, cases[i].result);
      g_assert_cmpuint (scan.offset, ==, cases[i].offset);
      g_assert_cmpuint (scan.prev_end, ==, cases[i].prev_end);
      g_assert_cmpstr (scan.name, ==, cases[i].name);
      g_assert_cmpuint (stats.n_prescanned, ==, cases[i].scanned);
      g_free (cases[i].data);
    }
}

/* The check of the bytes where its runs of ASCII end: at the end of the
 * bytes on a block's edge, at a NUL, at a character of two bytes before
 * a NUL, at a sequence broken by a NUL or by ASCII */
static void
test_check_bytes_edges (void)
{
  static const struct
  {
    const char  *data;
    gsize        length;
    CxPlanError  code;      /* 0: accepted */
    guint        line;
  } cases[] = {
#define BYTES(s) s, sizeof (s) - 1
#define X10 "xxxxxxxxxx"
#define X64 X10 X10 X10 X10 X10 X10 "xxxx"
    /* 128 bytes */
    { BYTES ("<r>" X64 X10 X10 X10 X10 X10 "xxxxxx</r>"), 0, 0 },
    { BYTES ("<r>\n" X64 X10 "\nyyyyyyyyyy" X10 X10 "\0</r>"), CX_PLAN_ERROR_MALFORMED, 3 },
    { BYTES ("<r>" X64 X10 X10 "\xc3\xa9\0</r>"), CX_PLAN_ERROR_MALFORMED, 1 },
    { BYTES ("<r>\n" X64 X64 "xx\xc3(</r>"), CX_PLAN_ERROR_ENCODING, 2 },
    { BYTES ("<r>" X64 "\xe2\x82\0</r>"), CX_PLAN_ERROR_ENCODING, 1 },
#undef X64
#undef X10
#undef BYTES
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_memdup2 (cases[i].data, cases[i].length);
      Reader r = { 0, };
      gboolean ok;

      g_test_message ("case %u", i);
      ok = check_bytes (&r, data, cases[i].length);
      g_assert_cmpint (ok, ==, cases[i].code == 0);
      if (!ok)
        {
          g_assert_cmpint (r.code, ==, cases[i].code);
          g_assert_cmpuint (r.line, ==, cases[i].line);
        }
      g_free (r.message);
    }
}

static void
test_namespace_limit (void)
{
  /* the root declares ours and x: with them, 128 in scope at once */
  g_autofree char *most = plan_with_element (1, CX_MAX_NAMESPACES - 2);
  g_autofree char *over = plan_with_element (1, CX_MAX_NAMESPACES - 1);
  g_autoptr(CxPlan) plan = read_ok (most, strlen (most));

  assert_reads_back (plan);
  assert_refused (over, strlen (over), CX_PLAN_ERROR_TOO_LARGE, 9,
                  "<x:e> brings the namespace declarations in scope to more than 128");
}

/* The review's shape: every step declares a namespace of its own, for a
 * foreign attribute; each would be declared on the written root. */
static void
test_distinct_namespaces (void)
{
  gsize length;
  g_autofree char *xml = cx_hostile_generate (CX_HOSTILE_DISTINCT_NAMESPACES, 1000, &length);
  g_autofree char *fits = cx_hostile_generate (CX_HOSTILE_DISTINCT_NAMESPACES,
                                               CX_MAX_NAMESPACES - 1, NULL);
  g_autoptr(CxPlan) plan = read_ok (fits, strlen (fits));

  assert_reads_back (plan);
  /* steps start on line 11, four lines each: the 128th fails */
  assert_refused (xml, length, CX_PLAN_ERROR_TOO_LARGE, 11 + 4 * (CX_MAX_NAMESPACES - 1),
                  "more than 128 namespace declarations in scope at once");
}

/* Input within the limits whose written file would not be: 100
 * namespaces for attributes (on the written root) and a foreign subtree
 * declaring @chain more on its way down */
static char *
plan_with_chain (guint chain)
{
  GString *xml = g_string_new (HEAD);

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (xml, "        <link kind=\"leads-to\" step=\"s\" xmlns:n=\"urn:n:%u\" "
                            "n:w=\"1\"/>\n", i);
  for (guint i = 0; i < chain; i++)
    g_string_append_printf (xml, "<x:e xmlns:c%u=\"urn:c:%u\">", i, i);
  for (guint i = 0; i < chain; i++)
    g_string_append (xml, "</x:e>");
  g_string_append (xml, "\n" TAIL);

  return g_string_free (xml, FALSE);
}

static void
test_written_namespace_limit (void)
{
  /* in the written file: ours, x, n … n100, and the chain */
  g_autofree char *most = plan_with_chain (CX_MAX_NAMESPACES - 102);
  g_autofree char *over = plan_with_chain (CX_MAX_NAMESPACES - 101);
  g_autoptr(CxPlan) plan = read_ok (most, strlen (most));

  assert_reads_back (plan);
  assert_refused (over, strlen (over), CX_PLAN_ERROR_TOO_LARGE, 109,
                  "written back, it would have more than 128 namespace declarations");
}

/* The first problem in the file is the one refused, before a limit or after */
static void
test_first_problem_wins (void)
{
  g_autofree char *over = plan_with_element (CX_MAX_ATTRIBUTES + 1, 0);
  g_autofree char *malformed = g_strconcat (HEAD "        <x:bad a=1/>\n", over + strlen (HEAD),
                                            NULL);
  g_autofree char *unknown = g_strconcat (HEAD "        <unknown/>\n", over + strlen (HEAD),
                                          NULL);
  g_autofree char *after = g_strdup (over);
  char *end_of_root = strstr (after, "</cxplan>");

  assert_refused (malformed, strlen (malformed), CX_PLAN_ERROR_MALFORMED, 9, "not well-formed");
  assert_refused (unknown, strlen (unknown), CX_PLAN_ERROR_INVALID, 9, "unknown element");

  /* a problem after the element over the limit: the limit is first */
  memcpy (end_of_root, "</cxplaN>", 9);
  assert_refused (after, strlen (after), CX_PLAN_ERROR_TOO_LARGE, 9, "more than 256 attributes");
}

static void
test_foreign_budget (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD);
  g_autoptr(CxPlan) plan = NULL;
  gsize kept = 0;
  guint over_at = 0;

  /* Notes on lines 9 to 72, each kept as '<', a byte, and its text */
  for (guint i = 0; i < 64; i++)
    {
      gsize start = xml->len;

      g_string_append_printf (xml, "        <x:note n=\"%u\">%s</x:note>\n", i,
                              "an extension of another tool, kept as it is");
      kept += xml->len - start - strlen ("        ") - strlen ("\n") + 1;
      if (over_at == 0 && kept > 4096)
        over_at = 9 + i;
    }
  g_string_append (xml, TAIL);

  plan = read_ok (xml->str, xml->len);
  g_clear_object (&plan);

  cx_plan_reader_set_foreign_budget (4096);
  assert_refused (xml->str, xml->len, CX_PLAN_ERROR_TOO_LARGE, over_at,
                  "KiB of content that this version does not know");
  cx_plan_reader_set_foreign_budget (0);

  plan = read_ok (xml->str, xml->len);
}

/* ------------------------------------------------------------------ */
/* Cancellation                                                        */

static void
test_cancel_before (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *xml = cx_hostile_generate (CX_HOSTILE_STEPS, 10, NULL);
  g_autoptr(CxDiagnostic) refusal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  int fd;

  g_cancellable_cancel (cancellable);
  plan = cx_plan_read_from_data (xml, strlen (xml), "c.cxplan", NULL, &refusal, cancellable,
                                 &error);
  g_assert_null (plan);
  g_assert_null (refusal);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  fd = g_file_open_tmp ("cancel-XXXXXX.cxplan", &path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  close (fd);
  file = g_file_new_for_path (path);
  plan = cx_plan_read_from_file (file, NULL, &refusal, cancellable, &error);
  g_assert_null (plan);
  g_assert_null (refusal);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_unlink (path);
}

typedef struct
{
  GCancellable *cancellable;
  guint         polls;
  guint         cancel_at;
  guint64       events_at_cancel;
} PollData;

static void
on_poll (guint64  n_events,
         gpointer user_data)
{
  PollData *data = user_data;

  if (++data->polls == data->cancel_at)
    {
      data->events_at_cancel = n_events;
      g_cancellable_cancel (data->cancellable);
    }
}

static void
test_cancel_during (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gsize length;
  g_autofree char *xml = cx_hostile_generate (CX_HOSTILE_WIDE, under_valgrind () ? 60000 : 200000,
                                              &length);
  PollData data = { cancellable, 0, 5, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;
  CxReadStats whole = { 0, };
  CxReadStats stats = { 0, };

  plan = cx_plan_read_measured (xml, length, "c.cxplan", NULL, NULL, &whole, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);

  cx_plan_reader_set_poll_func (on_poll, &data);
  plan = cx_plan_read_measured (xml, length, "c.cxplan", NULL, cancellable, &stats, &error);
  cx_plan_reader_set_poll_func (NULL, NULL);

  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* stopped where it was cancelled, not at the end */
  g_assert_cmpuint (data.polls, ==, 5);
  g_assert_cmpuint (stats.n_events, ==, data.events_at_cancel);
  g_assert_cmpuint (stats.n_events, <, whole.n_events / 10);
}

/* ------------------------------------------------------------------ */

static void
test_warnings_capped (void)
{
  gsize length;
  g_autofree char *xml = cx_hostile_generate (CX_HOSTILE_WIDE_NEWER, 500, &length);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;
  const CxDiagnostic *last;

  plan = cx_plan_read_from_data (xml, length, "new.cxplan", &warnings, NULL, NULL, &error);
  g_assert_no_error (error);

  /* the version's warning and 500 elements': 100 listed, then a count */
  g_assert_cmpuint (warnings->len, ==, CX_MAX_WARNINGS + 1);
  last = g_ptr_array_index (warnings, warnings->len - 1);
  g_assert_nonnull (strstr (last->message, "and 401 more warnings"));
  g_assert_cmpuint (last->line, ==, 13);
  assert_reads_back (plan);
}

/* libxml2 2.9 refuses a memory input over 10 MB where it looks ahead near
 * its end ("Huge input lookup") unless told the input may be huge: the
 * reader's own limits are what bound it */
static void
test_past_ten_megabytes (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD "        <x:big>");
  g_autoptr(CxPlan) plan = NULL;

  if (under_valgrind ())
    {
      g_test_skip ("11 MB under valgrind take minutes");
      return;
    }

  while (xml->len < 11 * 1000 * 1000)
    g_string_append (xml, "text of another tool, a great deal of it. ");
  g_string_append (xml, "</x:big>\n        <x:e a=\"");
  for (guint i = 0; i < 4096; i++)
    g_string_append_c (xml, 'a' + i % 26);
  g_string_append (xml, "\"/>\n" TAIL);

  plan = read_ok (xml->str, xml->len);
  assert_reads_back (plan);
}

/* A namespace declared once on a known element, used by many foreign
 * children: declared once on the written root, not on each child */
static void
test_written_declares_once (void)
{
  GString *xml = g_string_new ("<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.0\">"
                               "<title>T</title><lanes/>"
                               "<phases xmlns:y=\"urn:y:a-long-namespace-name-of-another-tool\">"
                               "<phase kind=\"before\"><step id=\"s\"><title>S</title>");
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  guint count = 0;

  for (guint i = 0; i < 1000; i++)
    g_string_append (xml, "<y:a/>");
  g_string_append (xml, "</step></phase><phase kind=\"during\"/><phase kind=\"after\"/>"
                        "<phase kind=\"recovery\"/></phases></cxplan>");
  plan = read_ok (xml->str, xml->len);
  bytes = cx_plan_to_bytes (plan);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  for (const char *p = text; (p = strstr (p, "xmlns:y=")) != NULL; p++)
    count++;
  g_assert_cmpuint (count, ==, 1);
  g_assert_nonnull (strstr (text, "\n        <y:a/>\n"));
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 3 * xml->len);   /* indentation: 15 for 6 */
  assert_reads_back (plan);
  g_string_free (xml, TRUE);
}

/* A declaration an outermost foreign element makes that the root only
 * makes later (for a foreign attribute further on) is left out once the
 * root's are known: the written plan is a fixed point at once */
static void
test_declaration_settled (void)
{
  const char *xml =
    "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.0\"><title>T</title><lanes/><phases>"
    "<phase kind=\"before\"><step id=\"a\"><title>A</title>"
    "<z:note xmlns:z=\"urn:z\">kept</z:note></step>"
    "<step id=\"b\" xmlns:z=\"urn:z\" z:mark=\"1\"><title>B</title></step></phase>"
    "<phase kind=\"during\"/><phase kind=\"after\"/><phase kind=\"recovery\"/></phases></cxplan>";
  g_autoptr(CxPlan) plan = read_ok (xml, strlen (xml));
  g_autoptr(GBytes) bytes = cx_plan_to_bytes (plan);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text, "<cxplan xmlns=\"urn:cxplan:plan:1\" xmlns:z=\"urn:z\""));
  g_assert_nonnull (strstr (text, "        <z:note>kept</z:note>\n"));
  assert_reads_back (plan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint shape = 0; shape < CX_N_HOSTILE; shape++)
    {
      g_autofree char *path = NULL;

      if (shape == CX_HOSTILE_DISTINCT_NAMESPACES)
        continue;
      path = g_strdup_printf ("/reader-bounds/linear/%s", cx_hostile_shape_name (shape));
      g_test_add_data_func (path, GUINT_TO_POINTER (shape), test_linear);
    }
  g_test_add_func ("/reader-bounds/limit/attributes", test_attribute_limit);
  g_test_add_func ("/reader-bounds/limit/namespaces-in-scope", test_namespace_limit);
  g_test_add_func ("/reader-bounds/limit/prescan-edges", test_prescan_edges);
  g_test_add_func ("/reader-bounds/limit/check-bytes-edges", test_check_bytes_edges);
  g_test_add_func ("/reader-bounds/limit/distinct-namespaces", test_distinct_namespaces);
  g_test_add_func ("/reader-bounds/limit/written-namespaces", test_written_namespace_limit);
  g_test_add_func ("/reader-bounds/limit/first-problem-wins", test_first_problem_wins);
  g_test_add_func ("/reader-bounds/limit/foreign-budget", test_foreign_budget);
  g_test_add_func ("/reader-bounds/cancel/before", test_cancel_before);
  g_test_add_func ("/reader-bounds/cancel/during", test_cancel_during);
  g_test_add_func ("/reader-bounds/warnings/capped", test_warnings_capped);
  g_test_add_func ("/reader-bounds/read/past-ten-megabytes", test_past_ten_megabytes);
  g_test_add_func ("/reader-bounds/write/declares-once", test_written_declares_once);
  g_test_add_func ("/reader-bounds/write/declaration-settled", test_declaration_settled);

  return g_test_run ();
}
