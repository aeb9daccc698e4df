/* test-render-export.c — the map written to PNG, SVG and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page of each format, the limits of PNG, failures that leave the old
 * file; and the same through cxplan-tool export, run as a child process
 * as a user would run it. A PDF cut over pages is in test-render-pages.c.
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <gio/gio.h>

#include "cx-check.h"
#include "cx-map.h"
#include "cx-map-private.h"
#include "cx-model.h"
#include "cx-plan-io.h"
#include "cx-test-render-util.h"

#ifndef CXPLAN_TOOL
#error "CXPLAN_TOOL must name the built cxplan-tool"
#endif

static void
test_export_samples (CxTestDir     *fixture,
                     gconstpointer  data)
{
  for (guint s = 0; cx_test_samples[s] != NULL; s++)
    {
      const char *name = cx_test_samples[s];
      g_autoptr(CxPlan) plan = cx_test_load_sample (name);
      g_autoptr(GPtrArray) findings = cx_check_plan (plan);
      double height = cx_test_map_height (plan);

      for (int dark = 0; dark <= 1; dark++)
        {
          g_autofree char *png = g_strdup_printf ("%s/%s-%d.png", fixture->dir, name, dark);
          g_autofree char *svg = g_strdup_printf ("%s/%s-%d.svg", fixture->dir, name, dark);
          g_autofree char *pdf = g_strdup_printf ("%s/%s-%d.pdf", fixture->dir, name, dark);
          CxExportOptions options = { .scale = 1.0, .phase = -1, .dark = dark };
          CxExportOptions half = { .scale = 0.5, .phase = -1, .dark = dark };
          CxExportFormat format;
          g_autoptr(GError) error = NULL;

          g_assert_true (cx_export_format_from_path (png, &format));
          g_assert_cmpint (format, ==, CX_EXPORT_PNG);
          g_assert_true (cx_map_export (plan, findings, png, format, &options, &error));
          g_assert_no_error (error);
          cx_test_check_png (png, cx_test_expected_width (plan, -1, 1.0), height);

          g_assert_true (cx_map_export (plan, findings, png, CX_EXPORT_PNG, &half, &error));
          g_assert_no_error (error);
          cx_test_check_png (png, cx_test_expected_width (plan, -1, 0.5), height / 2);

          g_assert_true (cx_map_export (plan, findings, svg, CX_EXPORT_SVG, &options, &error));
          g_assert_no_error (error);
          cx_test_check_svg (svg, cx_test_expected_width (plan, -1, 1.0), height);

          g_assert_true (cx_map_export (plan, findings, pdf, CX_EXPORT_PDF, &options, &error));
          g_assert_no_error (error);
          cx_test_check_pdf (pdf, cx_test_expected_width (plan, -1, 1.0), height);
        }
    }
}

static void
test_export_format_from_path (void)
{
  CxExportFormat format;

  g_assert_true (cx_export_format_from_path ("map.PNG", &format));
  g_assert_cmpint (format, ==, CX_EXPORT_PNG);
  g_assert_true (cx_export_format_from_path ("/tmp/a.b/map.svg", &format));
  g_assert_cmpint (format, ==, CX_EXPORT_SVG);
  g_assert_true (cx_export_format_from_path ("map.Pdf", &format));
  g_assert_cmpint (format, ==, CX_EXPORT_PDF);
  g_assert_false (cx_export_format_from_path ("map.jpeg", &format));
  g_assert_false (cx_export_format_from_path ("png", &format));
}

static void
test_export_too_large (CxTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(CxPlan) plan = cx_test_make_plan (200);
  g_autofree char *path = g_build_filename (fixture->dir, "huge.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "huge.svg", NULL);
  g_autoptr(GError) error = NULL;
  CxExportOptions options = { .scale = 1.0, .phase = -1, .dark = FALSE };

  g_assert_false (cx_map_export (plan, NULL, path, CX_EXPORT_PNG, &options, &error));
  g_assert_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* one phase at a smaller scale fits; a vector format has no such limit */
  options.phase = CX_PHASE_RECOVERY;
  g_assert_true (cx_map_export (plan, NULL, path, CX_EXPORT_PNG, &options, &error));
  g_assert_no_error (error);
  cx_test_check_png (path, cx_test_expected_width (plan, CX_PHASE_RECOVERY, 1.0), 100);
  options.phase = -1;
  g_assert_true (cx_map_export (plan, NULL, svg, CX_EXPORT_SVG, &options, &error));
  g_assert_no_error (error);
}

static void
test_export_unwritable (CxTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(CxPlan) plan = cx_test_load_sample ("telecom-upgrade");
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-dir", "map.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cx_map_export (plan, NULL, path, CX_EXPORT_PDF, NULL, &error));
  g_assert_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
}

/* A failed export leaves the file that was there before */
static void
test_export_keeps_old_file (CxTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(CxPlan) plan = cx_test_make_plan (200);
  g_autofree char *path = g_build_filename (fixture->dir, "kept.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_false (cx_map_export (plan, NULL, path, CX_EXPORT_PNG, NULL, &error));
  g_assert_error (error, CX_EXPORT_ERROR, CX_EXPORT_ERROR_TOO_LARGE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

/* ------------------------------------------------------------------ */
/* cxplan-tool export                                                  */

static int
run_tool (const char *const *argv,
          char              **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (args, (gpointer) CXPLAN_TOOL);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* In the sanitizer build: fontconfig and pango keep their caches for the
   * life of the process, which LeakSanitizer would take for leaks */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_tool_export (CxTestDir     *fixture,
                  gconstpointer  data)
{
  g_autofree char *sample = cx_test_sample_path ("team-gear-store");
  g_autofree char *png = g_build_filename (fixture->dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "map.pdf", NULL);
  g_autoptr(CxPlan) plan = cx_test_load_sample ("team-gear-store");
  double width = cx_test_expected_width (plan, -1, 1.0);
  double height = cx_test_map_height (plan);
  char *err = NULL;

  g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", png, NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  cx_test_check_png (png, width, height);

  g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", png, "--scale", "0.5",
                                                "--dark", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  cx_test_check_png (png, cx_test_expected_width (plan, -1, 0.5), height / 2);

  g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", svg, "--phase", "during",
                                                NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  cx_test_check_svg (svg, cx_test_expected_width (plan, CX_PHASE_DURING, 1.0), 100);

  g_assert_cmpint (run_tool ((const char *[]) { "export", "--dark", sample, "-o", pdf, NULL },
                             &err), ==, 0);
  g_clear_pointer (&err, g_free);
  cx_test_check_pdf (pdf, width, height);

  /* High contrast, light and dark: the same map, not the same pixels */
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *plain = g_build_filename (fixture->dir, "plain.png", NULL);
      g_autofree char *high = g_build_filename (fixture->dir, "high.png", NULL);
      const char *style = dark ? "--dark" : NULL;   /* last: NULL ends the arguments */
      cairo_surface_t *a, *b;
      guint differ = 0;

      /* small, for the time the sanitizers take */
      g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", plain,
                                                    "--scale=0.25", style, NULL }, &err), ==, 0);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", high, "--scale=0.25",
                                                    "--high-contrast", style, NULL },
                                 &err), ==, 0);
      g_clear_pointer (&err, g_free);

      a = cairo_image_surface_create_from_png (plain);
      b = cairo_image_surface_create_from_png (high);
      g_assert_cmpint (cairo_image_surface_get_height (a), ==, cairo_image_surface_get_height (b));
      for (int y = 0; y < cairo_image_surface_get_height (a); y += 3)
        {
          const guint32 *ra = (const guint32 *) (gconstpointer)
            (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
          const guint32 *rb = (const guint32 *) (gconstpointer)
            (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

          for (int x = 0; x < cairo_image_surface_get_width (a); x += 3)
            differ += ra[x] != rb[x];
        }
      /* most of the map: canvas, cards, lines and text all change */
      g_assert_cmpuint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
      g_assert_cmpuint (differ, >, (guint) (cairo_image_surface_get_width (a)
                                            * cairo_image_surface_get_height (a) / 9 / 4));
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* A map too wide for one PDF page comes out over several, as the
 * application exports it */
static void
test_tool_export_pdf_pages (CxTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(CxPlan) plan = cx_test_make_plan (200);
  g_autoptr(GBytes) bytes = cx_plan_to_bytes (plan);
  g_autofree char *source = g_build_filename (fixture->dir, "wide.cxplan", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "wide.pdf", NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CxMapLayout) layout = NULL;
  g_autoptr(GArray) planned = NULL;
  g_autoptr(GArray) pages = NULL;
  char *err = NULL;

  g_assert_true (g_file_set_contents (source, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (run_tool ((const char *[]) { "export", source, "-o", pdf, NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);

  findings = cx_check_plan (plan);
  layout = cx_map_layout_new (plan, findings, NULL);
  planned = cx_map_export_paginate_pdf (layout, cx_map_theme_get (FALSE), 1.0);
  pages = cx_test_read_pdf_pages (pdf);
  g_assert_cmpuint (pages->len, >, 1);
  g_assert_cmpuint (pages->len, ==, planned->len);
  for (guint i = 0; i < pages->len; i++)
    {
      const CxTestPdfPage *page = &g_array_index (pages, CxTestPdfPage, i);

      g_assert_cmpfloat (page->width, <=, CX_MAP_PDF_MAX_SIDE);
      g_assert_cmpfloat (page->height, <=, CX_MAP_PDF_MAX_SIDE);
      g_assert_cmpfloat (page->width, ==, g_array_index (planned, CxMapExportPage, i).width_pt);
    }
}

static void
test_tool_export_errors (CxTestDir     *fixture,
                         gconstpointer  data)
{
  g_autofree char *sample = cx_test_sample_path ("telecom-upgrade");
  g_autofree char *png = g_build_filename (fixture->dir, "map.png", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "map.txt", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.cxplan", NULL);
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.cxplan", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.cxplan", NULL);
  g_autofree char *unwritable = g_build_filename (fixture->dir, "no-dir", "map.png", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(CxPlan) big = cx_test_make_plan (200);
  g_autoptr(GBytes) bytes = cx_plan_to_bytes (big);
  char *err = NULL;
  static const struct
  {
    const char *args[6];
  } usage[] = {
    { { "export", NULL } },
    { { "export", "@SAMPLE@", NULL } },
    { { "export", "@SAMPLE@", "-o", "@TXT@", NULL } },
    { { "export", "@SAMPLE@", "-o", "@PNG@", "--phase", "later" } },
    { { "export", "@SAMPLE@", "-o", "@PNG@", "--scale", "0" } },
    { { "export", "@SAMPLE@", "-o", "@PNG@", "--scale", "many" } },
    { { "export", "@SAMPLE@", "@SAMPLE@", "-o", "@PNG@", NULL } },
    { { "export", "@SAMPLE@", "-o", "@PNG@", "--bogus", NULL } },
  };

  /* usage errors: 64, and nothing written */
  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      const char *argv[7] = { NULL, };

      for (guint a = 0; a < G_N_ELEMENTS (usage[i].args) && usage[i].args[a] != NULL; a++)
        {
          const char *arg = usage[i].args[a];

          argv[a] = g_str_equal (arg, "@SAMPLE@") ? sample
                    : g_str_equal (arg, "@PNG@") ? png
                    : g_str_equal (arg, "@TXT@") ? txt : arg;
        }
      g_assert_cmpint (run_tool (argv, &err), ==, 64);
      g_assert_nonnull (strstr (err, "cxplan-tool"));
      g_clear_pointer (&err, g_free);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
    }

  /* a plan that is refused: FILE:LINE: error: WHAT, exit 2 */
  g_assert_true (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<cxplan xmlns=\"urn:cxplan:"
                                      "plan:1\" version=\"1.0\">\n  <title>x</title>\n"
                                      "  <oops/>\n</cxplan>\n", -1, NULL));
  g_assert_cmpint (run_tool ((const char *[]) { "export", bad, "-o", png, NULL }, &err), ==, 2);
  expected = g_strdup_printf ("%s:", bad);
  g_assert_true (g_str_has_prefix (err, expected));
  g_assert_nonnull (strstr (err, ": error: "));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_tool ((const char *[]) { "export", missing, "-o", png, NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, missing));
  g_clear_pointer (&err, g_free);

  /* the map cannot be written: exit 2, the message names the file */
  g_assert_cmpint (run_tool ((const char *[]) { "export", sample, "-o", unwritable, NULL }, &err),
                   ==, 2);
  g_assert_nonnull (strstr (err, unwritable));
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (huge, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (run_tool ((const char *[]) { "export", huge, "-o", png, NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, png));
  g_assert_nonnull (strstr (err, "too large"));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  /* the help names the command */
  g_assert_cmpint (run_tool ((const char *[]) { "--help", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/export/format-from-path", test_export_format_from_path);
  g_test_add ("/render/export/samples", CxTestDir, NULL,
              cx_test_dir_set_up, test_export_samples, cx_test_dir_tear_down);
  g_test_add ("/render/export/too-large", CxTestDir, NULL,
              cx_test_dir_set_up, test_export_too_large, cx_test_dir_tear_down);
  g_test_add ("/render/export/unwritable", CxTestDir, NULL,
              cx_test_dir_set_up, test_export_unwritable, cx_test_dir_tear_down);
  g_test_add ("/render/export/keeps-old-file", CxTestDir, NULL,
              cx_test_dir_set_up, test_export_keeps_old_file, cx_test_dir_tear_down);
  g_test_add ("/render/tool/export", CxTestDir, NULL,
              cx_test_dir_set_up, test_tool_export, cx_test_dir_tear_down);
  g_test_add ("/render/tool/export-pdf-pages", CxTestDir, NULL,
              cx_test_dir_set_up, test_tool_export_pdf_pages, cx_test_dir_tear_down);
  g_test_add ("/render/tool/export-errors", CxTestDir, NULL,
              cx_test_dir_set_up, test_tool_export_errors, cx_test_dir_tear_down);

  return cx_test_render_run ();
}