/* test-help-html.c — the manual: its pages, and the HTML copy built of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Mallard pages of help/C are the ones help/meson.build lists (so that
 * each is installed), every check has its page under a predictable id
 * (check-CX012, which the app can open from a finding) with its name and
 * severity, the findings it quotes are the ones the samples give, and the
 * HTML copy that a browser opens where no help viewer can be reached holds
 * every page, with its title, and every figure. yelp-check validates the pages
 * themselves, in the same 'help' suite. Each translation of help/LINGUAS is
 * merged and built as HTML the same way, its page titles translated.
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cx-check.h"
#include "cx-plan-io.h"

#define MALLARD_NS "http://projectmallard.org/1.0/"

/* The checks of checks.md, each with its page, even before the core runs them all */
#define N_SPEC_CHECKS 22

typedef struct
{
  char *id;     /* the page's id attribute */
  char *title;  /* its title, white space collapsed */
} HelpPage;

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set: run this test through meson", name);

  return value;
}

/* Collapses runs of white space into one space, as a reader sees the text */
static char *
collapse_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Read from memory: the core's reader gives libxml2 an entity loader that
 * denies every file, the document's own included */
static xmlDoc *
read_xml (const char *path,
          gboolean    html)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  if (html)
    doc = htmlReadMemory (data, (int) length, path, "UTF-8",
                          HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  else
    doc = xmlReadMemory (data, (int) length, path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);

  return doc;
}

static xmlNode *
first_mallard_child (xmlNode    *parent,
                     const char *name)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && node->ns != NULL &&
        g_str_equal ((const char *) node->ns->href, MALLARD_NS) &&
        g_str_equal ((const char *) node->name, name))
      return node;

  return NULL;
}

/* A page of the manual: of help/C, or as a translation merged into the
 * build tree (help/LANG in the build directory) */
static HelpPage *
read_page_at (const char *path)
{
  xmlDoc *doc = read_xml (path, FALSE);
  xmlNode *root, *title;
  xmlChar *id, *text;
  HelpPage *page;

  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "page");
  title = first_mallard_child (root, "title");
  g_assert_nonnull (title);

  id = xmlGetProp (root, (const xmlChar *) "id");
  text = xmlNodeGetContent (title);
  page = g_new0 (HelpPage, 1);
  page->id = g_strdup ((const char *) id);
  page->title = collapse_space ((const char *) text);
  xmlFree (id);
  xmlFree (text);
  xmlFreeDoc (doc);

  return page;
}

static HelpPage *
read_page (const char *file_name)
{
  g_autofree char *path = g_build_filename (env ("CX_HELP_SOURCEDIR"), "C", file_name, NULL);

  return read_page_at (path);
}

static void
help_page_free (HelpPage *page)
{
  g_free (page->id);
  g_free (page->title);
  g_free (page);
}

/* The pages help/meson.build lists, read */
static GPtrArray *
read_listed_pages (void)
{
  g_auto(GStrv) names = g_strsplit (env ("CX_HELP_PAGES"), " ", -1);
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) help_page_free);

  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      g_ptr_array_add (pages, read_page (names[i]));

  return pages;
}

static const HelpPage *
find_page (GPtrArray  *pages,
           const char *id)
{
  for (guint i = 0; i < pages->len; i++)
    if (g_str_equal (((HelpPage *) g_ptr_array_index (pages, i))->id, id))
      return g_ptr_array_index (pages, i);

  return NULL;
}

/* ------------------------------------------------------------------ */
/* The sources                                                         */

/* Every page in help/C is listed, so installed; every page listed is there */
static void
test_pages_listed (void)
{
  g_autofree char *dir_path = g_build_filename (env ("CX_HELP_SOURCEDIR"), "C", NULL);
  g_auto(GStrv) listed = g_strsplit (env ("CX_HELP_PAGES"), " ", -1);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = 0, n_listed = 0;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (name, ".page"))
        continue;
      n_files++;
      if (!g_strv_contains ((const char *const *) listed, name))
        g_error ("help/C/%s is not listed in help/meson.build", name);
    }

  for (guint i = 0; listed[i] != NULL; i++)
    if (*listed[i] != '\0')
      n_listed++;

  g_assert_cmpuint (n_files, ==, n_listed);
  g_assert_cmpuint (n_files, >, N_SPEC_CHECKS);
}

/* A page's id is its file name, and an index heads them */
static void
test_page_ids (void)
{
  g_autoptr(GPtrArray) pages = read_listed_pages ();
  g_auto(GStrv) listed = g_strsplit (env ("CX_HELP_PAGES"), " ", -1);
  guint n = 0;

  for (guint i = 0; listed[i] != NULL; i++)
    {
      g_autofree char *stem = NULL;

      if (*listed[i] == '\0')
        continue;
      stem = g_strndup (listed[i], strlen (listed[i]) - strlen (".page"));
      g_assert_cmpstr (((HelpPage *) g_ptr_array_index (pages, n))->id, ==, stem);
      g_assert_cmpstr (((HelpPage *) g_ptr_array_index (pages, n))->title, !=, "");
      n++;
    }

  g_assert_nonnull (find_page (pages, "index"));
}

/* One page a check, check-CXnnn, titled "CXnnn: …": for the 22 of checks.md
 * and for every check the core runs */
static void
test_check_pages (void)
{
  g_autoptr(GPtrArray) pages = read_listed_pages ();

  for (guint n = 1; n <= N_SPEC_CHECKS; n++)
    {
      g_autofree char *id = g_strdup_printf ("check-CX%03u", n);
      g_autofree char *prefix = g_strdup_printf ("CX%03u: ", n);
      const HelpPage *page = find_page (pages, id);

      g_assert_nonnull (page);
      g_assert_true (g_str_has_prefix (page->title, prefix));
    }

  for (guint check = 0; check < CX_N_CHECKS; check++)
    {
      g_autofree char *id = g_strconcat ("check-", cx_check_info (check)->id, NULL);

      g_assert_nonnull (find_page (pages, id));
    }
}

/* Collects the text of every <screen> under @node */
static void
collect_screens (xmlNode   *node,
                 GPtrArray *screens)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) child->name, "screen"))
        {
          xmlChar *text = xmlNodeGetContent (child);

          g_ptr_array_add (screens, g_strdup ((const char *) text));
          xmlFree (text);
        }
      else
        collect_screens (child, screens);
    }
}

/* A check's example quotes a finding as the checks word it today: each
 * <screen> of a check page is the message and id of a finding in the
 * bundled samples (so a changed message or sample shows here) */
static void
test_check_examples (void)
{
  g_autoptr(GHashTable) findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *samples = g_build_filename (CX_SOURCE_DATADIR, "samples", NULL);
  const char *name;
  guint n_quoted = 0;

  dir = g_dir_open (samples, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (samples, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(CxPlan) plan = NULL;
      g_autoptr(GPtrArray) found = NULL;

      if (!g_str_has_suffix (name, ".cxplan"))
        continue;
      plan = cx_plan_read_from_file (file, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      found = cx_check_plan (plan);
      for (guint i = 0; i < found->len; i++)
        {
          const CxFinding *finding = g_ptr_array_index (found, i);

          g_hash_table_add (findings, g_strdup_printf ("%s [%s]", finding->message,
                                                       cx_check_info (finding->check)->id));
        }
    }

  for (guint n = 1; n <= N_SPEC_CHECKS; n++)
    {
      g_autofree char *file_name = g_strdup_printf ("check-CX%03u.page", n);
      g_autofree char *path = g_build_filename (env ("CX_HELP_SOURCEDIR"), "C", file_name, NULL);
      g_autofree char *suffix = g_strdup_printf (" [CX%03u]", n);
      g_autoptr(GPtrArray) screens = g_ptr_array_new_with_free_func (g_free);
      xmlDoc *doc = read_xml (path, FALSE);

      collect_screens (xmlDocGetRootElement (doc), screens);
      xmlFreeDoc (doc);

      for (guint i = 0; i < screens->len; i++)
        {
          const char *quoted = g_ptr_array_index (screens, i);

          g_assert_true (g_str_has_suffix (quoted, suffix));
          if (!g_hash_table_contains (findings, quoted))
            g_error ("%s quotes a finding no sample gives: %s", file_name, quoted);
          n_quoted++;
        }
    }

  /* Most checks show one; those the samples do not trigger tell a story */
  g_assert_cmpuint (n_quoted, >=, N_SPEC_CHECKS / 2);
}

/* ------------------------------------------------------------------ */
/* The HTML copy                                                       */

static char *
html_title (const char *path)
{
  xmlDoc *doc = read_xml (path, TRUE);
  char *title = NULL;

  for (xmlNode *node = xmlDocGetRootElement (doc); node != NULL && title == NULL;)
    {
      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, "title"))
        {
          xmlChar *text = xmlNodeGetContent (node);

          title = collapse_space ((const char *) text);
          xmlFree (text);
          break;
        }

      /* Depth first, through <html> and <head> */
      if (node->children != NULL)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }
  xmlFreeDoc (doc);

  g_assert_nonnull (title);
  return title;
}

/* Every page, as PAGE.html with the page's title; the index as index.html */
static void
test_html_pages (void)
{
  g_autoptr(GPtrArray) pages = read_listed_pages ();

  for (guint i = 0; i < pages->len; i++)
    {
      const HelpPage *page = g_ptr_array_index (pages, i);
      g_autofree char *name = g_strconcat (page->id, ".html", NULL);
      g_autofree char *path = g_build_filename (env ("CX_HELP_HTMLDIR"), "C", name, NULL);
      g_autofree char *title = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_error ("%s was not built", path);
      title = html_title (path);
      g_assert_cmpstr (title, ==, page->title);
    }
}

/* A check's HTML page names the check, and its severity, as cxplan-tool does */
static void
test_html_check_names (void)
{
  const char *severities[] = {
    [CX_SEVERITY_INFO] = "info",
    [CX_SEVERITY_WARNING] = "warning",
    [CX_SEVERITY_ERROR] = "error",
  };

  for (guint check = 0; check < CX_N_CHECKS; check++)
    {
      const CxCheckInfo *info = cx_check_info (check);
      g_autofree char *name = g_strdup_printf ("check-%s.html", info->id);
      g_autofree char *path = g_build_filename (env ("CX_HELP_HTMLDIR"), "C", name, NULL);
      g_autofree char *html = NULL;
      g_autofree char *code = g_strdup_printf (">%s<", info->name);
      g_autofree char *severity = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &html, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (html, code));

      if (info->lowest != info->severity)
        severity = g_strdup_printf ("Severity: %s or %s.", severities[info->severity],
                                    severities[info->lowest]);
      else
        severity = g_strdup_printf ("Severity: %s.", severities[info->severity]);
      if (strstr (html, severity) == NULL)
        g_error ("%s does not say “%s”", name, severity);
    }
}

/* The figures are copied beside the pages that show them */
static void
test_html_figures (void)
{
  g_auto(GStrv) media = g_strsplit (env ("CX_HELP_MEDIA"), " ", -1);
  guint n = 0;

  for (guint i = 0; media[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *source = NULL;
      g_autofree char *built = NULL;
      gsize built_len, source_len;
      g_autoptr(GError) error = NULL;

      if (*media[i] == '\0')
        continue;
      path = g_build_filename (env ("CX_HELP_HTMLDIR"), "C", media[i], NULL);
      g_file_get_contents (path, &built, &built_len, &error);
      g_assert_no_error (error);
      g_clear_pointer (&path, g_free);
      path = g_build_filename (env ("CX_HELP_SOURCEDIR"), "C", media[i], NULL);
      g_file_get_contents (path, &source, &source_len, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (built, built_len, source, source_len);
      n++;
    }

  g_assert_cmpuint (n, >, 0);
}

/* ------------------------------------------------------------------ */
/* The translations                                                    */

/* Each language of help/LINGUAS, as gnome.yelp() merged it and as the HTML
 * copy a browser opens: every page there, under the same id, with the
 * merged page's title, which is not the English one; the check pages keep
 * "CXnnn: " and the check's name, the quoted findings their "[CXnnn]";
 * the figures are beside the pages */
static void
test_translations (void)
{
  g_auto(GStrv) languages = g_strsplit (env ("CX_HELP_LANGUAGES"), " ", -1);
  g_auto(GStrv) names = g_strsplit (env ("CX_HELP_PAGES"), " ", -1);
  g_auto(GStrv) media = g_strsplit (env ("CX_HELP_MEDIA"), " ", -1);
  guint n_languages = 0;

  for (guint l = 0; languages[l] != NULL; l++)
    {
      const char *lang = languages[l];
      guint n_pages = 0, n_translated = 0;

      if (*lang == '\0')
        continue;
      n_languages++;

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *merged = NULL;
          g_autofree char *html_name = NULL;
          g_autofree char *html = NULL;
          g_autofree char *built_title = NULL;
          HelpPage *source, *page;

          if (*names[i] == '\0')
            continue;
          merged = g_build_filename (env ("CX_HELP_BUILDDIR"), lang, names[i], NULL);
          if (!g_file_test (merged, G_FILE_TEST_IS_REGULAR))
            g_error ("%s was not merged", merged);
          source = read_page (names[i]);
          page = read_page_at (merged);
          g_assert_cmpstr (page->id, ==, source->id);
          g_assert_cmpstr (page->title, !=, "");
          n_pages++;
          if (!g_str_equal (page->title, source->title))
            n_translated++;

          html_name = g_strconcat (page->id, ".html", NULL);
          html = g_build_filename (env ("CX_HELP_HTMLDIR"), lang, html_name, NULL);
          if (!g_file_test (html, G_FILE_TEST_IS_REGULAR))
            g_error ("%s was not built", html);
          built_title = html_title (html);
          g_assert_cmpstr (built_title, ==, page->title);

          if (g_str_has_prefix (page->id, "check-CX"))
            {
              g_autofree char *prefix = g_strconcat (page->id + strlen ("check-"), ": ", NULL);
              g_autofree char *suffix = g_strdup_printf (" [%s]", page->id + strlen ("check-"));
              g_autoptr(GPtrArray) screens = g_ptr_array_new_with_free_func (g_free);
              xmlDoc *doc = read_xml (merged, FALSE);

              g_assert_true (g_str_has_prefix (page->title, prefix));
              collect_screens (xmlDocGetRootElement (doc), screens);
              xmlFreeDoc (doc);
              for (guint s = 0; s < screens->len; s++)
                g_assert_true (g_str_has_suffix (g_ptr_array_index (screens, s), suffix));
            }

          help_page_free (source);
          help_page_free (page);
        }

      /* Titles such as "CX Planner" may stay; nearly every other is translated */
      g_assert_cmpuint (n_translated, >=, n_pages * 9 / 10);

      for (guint check = 0; check < CX_N_CHECKS; check++)
        {
          const CxCheckInfo *info = cx_check_info (check);
          g_autofree char *name = g_strdup_printf ("check-%s.html", info->id);
          g_autofree char *path = g_build_filename (env ("CX_HELP_HTMLDIR"), lang, name, NULL);
          g_autofree char *text = NULL;
          g_autofree char *code = g_strdup_printf (">%s<", info->name);
          g_autoptr(GError) error = NULL;

          g_file_get_contents (path, &text, NULL, &error);
          g_assert_no_error (error);
          if (strstr (text, code) == NULL)
            g_error ("%s/%s does not name the check %s", lang, name, info->name);
        }

      for (guint i = 0; media[i] != NULL; i++)
        {
          g_autofree char *path = NULL;

          if (*media[i] == '\0')
            continue;
          path = g_build_filename (env ("CX_HELP_HTMLDIR"), lang, media[i], NULL);
          g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
        }
    }

  if (n_languages == 0)
    g_test_skip ("help/LINGUAS lists no translation");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cxplan/help/pages-listed", test_pages_listed);
  g_test_add_func ("/cxplan/help/page-ids", test_page_ids);
  g_test_add_func ("/cxplan/help/check-pages", test_check_pages);
  g_test_add_func ("/cxplan/help/check-examples", test_check_examples);
  g_test_add_func ("/cxplan/help/html/pages", test_html_pages);
  g_test_add_func ("/cxplan/help/html/check-names", test_html_check_names);
  g_test_add_func ("/cxplan/help/html/figures", test_html_figures);
  g_test_add_func ("/cxplan/help/translations", test_translations);

  return g_test_run ();
}
