/* test-help-html.c — the manual: its pages, and the HTML copy built of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Mallard pages of help/C are the ones help/meson.build lists (so that
 * each is installed), every check has its page under a predictable id
 * (check-CX012, which the app can open from a finding), and the HTML copy
 * that a browser opens where no help viewer can be reached holds every
 * page, with its title, and every figure. yelp-check validates the pages
 * themselves, in the same 'help' suite.
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cx-check.h"

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

static HelpPage *
read_page (const char *file_name)
{
  g_autofree char *path = g_build_filename (env ("CX_HELP_SOURCEDIR"), "C", file_name, NULL);
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
  xmlNode *root, *title;
  xmlChar *id, *text;
  HelpPage *page;

  g_assert_nonnull (doc);
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

/* ------------------------------------------------------------------ */
/* The HTML copy                                                       */

static char *
html_title (const char *path)
{
  htmlDocPtr doc = htmlReadFile (path, "UTF-8",
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  char *title = NULL;

  g_assert_nonnull (doc);
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

/* A check's HTML page names the check as cxplan-tool does */
static void
test_html_check_names (void)
{
  for (guint check = 0; check < CX_N_CHECKS; check++)
    {
      const CxCheckInfo *info = cx_check_info (check);
      g_autofree char *name = g_strdup_printf ("check-%s.html", info->id);
      g_autofree char *path = g_build_filename (env ("CX_HELP_HTMLDIR"), "C", name, NULL);
      g_autofree char *html = NULL;
      g_autofree char *code = g_strdup_printf (">%s<", info->name);
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &html, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (html, code));
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cxplan/help/pages-listed", test_pages_listed);
  g_test_add_func ("/cxplan/help/page-ids", test_page_ids);
  g_test_add_func ("/cxplan/help/check-pages", test_check_pages);
  g_test_add_func ("/cxplan/help/html/pages", test_html_pages);
  g_test_add_func ("/cxplan/help/html/check-names", test_html_check_names);
  g_test_add_func ("/cxplan/help/html/figures", test_html_figures);

  return g_test_run ();
}
