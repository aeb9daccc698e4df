/* cx-test-render-util.c — what the renderer's test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <dlfcn.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>

#include "cx-map.h"
#include "cx-plan-io.h"
#include "cx-test-render-util.h"

const char *const cx_test_samples[] = {
  "team-gear-store",
  "online-order-return",
  "telecom-upgrade",
  NULL,
};

char *
cx_test_sample_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".cxplan", NULL);

  return g_build_filename (CX_SOURCE_DATADIR, "samples", file, NULL);
}

CxPlan *
cx_test_load_sample (const char *name)
{
  g_autofree char *path = cx_test_sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CxPlan *plan;

  plan = cx_plan_read_from_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* A plan of @n_steps steps over the four phases, built through the model:
 * every lane kind, emotions with holes, levels, failures answered and not */
CxPlan *
cx_test_make_plan (guint n_steps)
{
  static const CxLaneKind kinds[] = {
    CX_LANE_KIND_ACTIONS, CX_LANE_KIND_TOUCHPOINTS, CX_LANE_KIND_FRONTSTAGE,
    CX_LANE_KIND_BACKSTAGE, CX_LANE_KIND_SUPPORT, CX_LANE_KIND_PAINS, CX_LANE_KIND_IDEAS,
    CX_LANE_KIND_NOTES, CX_LANE_KIND_EMOTION, CX_LANE_KIND_EXPECTATION,
  };
  CxPlan *plan = cx_plan_new ();
  guint n_recovery = MAX (n_steps / 10, 1);
  guint n_main = n_steps - n_recovery;

  cx_plan_set_title (plan, "A long journey");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *id = g_strdup_printf ("lane-%u", i);
      g_autoptr(CxLane) lane = cx_lane_new (id, kinds[i]);

      cx_lane_set_name (lane, id);
      cx_plan_add_lane (plan, lane);
    }

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);
      g_autofree char *title = g_strdup_printf ("Step %u of a long journey", i);
      g_autoptr(CxStep) step = cx_step_new (id);
      CxPhase phase = i < n_main ? (CxPhase) (i * 3 / n_main) : CX_PHASE_RECOVERY;

      cx_step_set_title (step, title);
      cx_step_set_owner (step, "Team");
      cx_step_set_channel (step, CX_CHANNEL_WEB + i % 11);
      cx_step_set_evidence (step, CX_EVIDENCE_OBSERVED + i % 3);
      cx_step_set_wow (step, i % 17 == 0);
      cx_step_set_moment_of_truth (step, i % 13 == 0);
      cx_step_set_cell (step, "lane-0", "Does something that takes two lines to say");
      cx_step_set_cell (step, "lane-3", "Backstage work");
      if (i % 4 != 3)
        cx_step_set_emotion (step, (int) (i % 7) - 3);
      cx_step_set_expected_level (step, 1 + i % 5);
      cx_step_set_delivered_level (step, 1 + (i * 3) % 5);
      cx_plan_insert_step (plan, phase, -1, step);

      if (phase != CX_PHASE_RECOVERY && i % 5 == 0)
        {
          g_autofree char *failure_id = g_strdup_printf ("failure-%u", i);
          g_autoptr(CxFailure) failure = cx_failure_new (failure_id);

          cx_failure_set_mode (failure, "Something goes wrong here");
          cx_failure_set_severity (failure, 1 + i % 10);
          cx_failure_set_occurrence (failure, 1 + (i / 3) % 10);
          cx_failure_set_detection (failure, 1 + (i / 7) % 10);
          cx_step_add_failure (step, failure);
        }
      if (phase == CX_PHASE_RECOVERY)
        {
          g_autofree char *recovers = g_strdup_printf ("failure-%u", (i - n_main) * 10 % n_main
                                                                     / 5 * 5);

          cx_step_set_recovers (step, recovers);
        }
    }

  return plan;
}

gboolean
cx_test_rect_inside (const cairo_rectangle_t *inner,
                     const cairo_rectangle_t *outer)
{
  return inner->x >= outer->x - 1e-9 && inner->y >= outer->y - 1e-9
         && inner->x + inner->width <= outer->x + outer->width + 1e-9
         && inner->y + inner->height <= outer->y + outer->height + 1e-9;
}

void
cx_test_dir_set_up (CxTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cx-render-XXXXXX", &error);
  g_assert_no_error (error);
}

void
cx_test_dir_tear_down (CxTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

double
cx_test_expected_width (CxPlan *plan,
                        int     phase,
                        double  scale)
{
  CxMapLayoutOptions options = { .phase = phase, .font_family = NULL };
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, &options);
  double width, height;

  cx_map_layout_get_size (layout, &width, &height);
  return ceil (MAX (width, 960.0) * scale);
}

double
cx_test_map_height (CxPlan *plan)
{
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (plan, NULL, NULL);
  double width, height;

  cx_map_layout_get_size (layout, &width, &height);
  return height;
}

void
cx_test_check_png (const char *path,
                   double      width,
                   double      min_height)
{
  g_autofree char *contents = NULL;
  gsize length;
  cairo_surface_t *image;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) width);
  g_assert_cmpfloat (cairo_image_surface_get_height (image), >, min_height);
  cairo_surface_destroy (image);
}

static double
svg_length (xmlNode    *node,
            const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  double length;

  g_assert_nonnull (value);
  length = g_ascii_strtod ((const char *) value, NULL);
  xmlFree (value);
  return length;
}

void
cx_test_check_svg (const char *path,
                   double      width,
                   double      min_height)
{
  g_autofree char *contents = NULL;
  gsize length;
  xmlDoc *doc;
  xmlNode *root;

  /* from memory: the plan reader denies libxml2 every external load,
   * and a file name given to xmlReadFile() is one */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  doc = xmlReadMemory (contents, (int) length, path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  g_assert_cmpfloat_with_epsilon (svg_length (root, "width"), width, 0.5);
  g_assert_cmpfloat (svg_length (root, "height"), >, min_height);
  xmlFreeDoc (doc);
}

/* @needle in [@from, @end): a PDF holds binary streams, NUL bytes and all */
static const char *
find_bytes (const char *from,
            const char *end,
            const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = from; p != NULL && p + length <= end; p++)
    {
      p = memchr (p, needle[0], end - p);
      if (p == NULL || p + length > end)
        return NULL;
      if (memcmp (p, needle, length) == 0)
        return p;
    }
  return NULL;
}

/* cairo writes each page's dictionary uncompressed:
 * "<< /Type /Page % 1\n   /Parent 1 0 R\n   /MediaBox [ 0 0 W H ]" */
GArray *
cx_test_read_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (CxTestPdfPage));
  const char *end, *count;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  end = contents + length;

  for (const char *p = find_bytes (contents, end, "/Type /Page"); p != NULL;
       p = find_bytes (p + 1, end, "/Type /Page"))
    {
      CxTestPdfPage page;
      const char *box, *object_end;
      char *next;

      /* a page object, not the page tree */
      if (p[11] == 's')
        continue;
      box = find_bytes (p, end, "/MediaBox [");
      object_end = find_bytes (p, end, "endobj");
      g_assert_nonnull (box);
      g_assert_true (object_end == NULL || box < object_end);

      box += strlen ("/MediaBox [");
      g_assert_cmpfloat (g_ascii_strtod (box, &next), ==, 0);
      g_assert_cmpfloat (g_ascii_strtod (next, &next), ==, 0);
      page.width = g_ascii_strtod (next, &next);
      page.height = g_ascii_strtod (next, &next);
      g_assert_cmpfloat (page.width, >, 0);
      g_assert_cmpfloat (page.height, >, 0);
      g_array_append_val (pages, page);
    }

  /* the page tree counts as many */
  count = find_bytes (contents, end, "/Count ");
  g_assert_nonnull (count);
  g_assert_cmpint (atoi (count + strlen ("/Count ")), ==, pages->len);

  return pages;
}

void
cx_test_check_pdf (const char *path,
                   double      width,
                   double      min_height)
{
  g_autoptr(GArray) pages = cx_test_read_pdf_pages (path);
  const CxTestPdfPage *page;

  g_assert_cmpuint (pages->len, ==, 1);
  page = &g_array_index (pages, CxTestPdfPage, 0);
  g_assert_cmpfloat (page->width, ==, width);
  g_assert_cmpfloat (page->height, >, min_height);
}

int
cx_test_render_run (void)
{
  void (*fc_fini) (void);
  int status;

  status = g_test_run ();

  /* Let go of the fonts, so that memcheck sees only what we leak. The
   * renderer does not link fontconfig itself: its FcFini() is looked up
   * in the process, where pango brought it. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  fc_fini = (void (*) (void)) dlsym (RTLD_DEFAULT, "FcFini");
  if (fc_fini != NULL)
    fc_fini ();

  return status;
}
