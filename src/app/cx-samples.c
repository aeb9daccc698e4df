/* cx-samples.c — the sample plans bundled with the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installed under CX_PKGDATADIR; an uninstalled build finds them in the
 * source tree, and $CXPLAN_DATADIR overrides both (tests, Flatpak).
 */

#define G_LOG_DOMAIN "cx-samples"

#include "config.h"

#include "cx-format.h"
#include "cx-model.h"
#include "cx-plan-io.h"
#include "cx-samples.h"

void
cx_sample_free (CxSample *sample)
{
  if (sample == NULL)
    return;

  g_clear_object (&sample->file);
  g_clear_pointer (&sample->title, g_free);
  g_free (sample);
}

/**
 * cx_samples_get_dir:
 *
 * Finds the folder of the samples. It tests the file system: call it from
 * a thread.
 *
 * Returns: (transfer full): the folder of the samples
 */
GFile *
cx_samples_get_dir (void)
{
  const char *datadir = g_getenv ("CXPLAN_DATADIR");

  if (datadir != NULL && *datadir != '\0')
    return g_file_new_build_filename (datadir, "samples", NULL);

  if (g_file_test (CX_PKGDATADIR "/samples", G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (CX_PKGDATADIR "/samples");

  return g_file_new_for_path (CX_SOURCE_DATADIR "/samples");
}

static int
compare_samples (gconstpointer a,
                 gconstpointer b)
{
  const CxSample *sa = *(CxSample * const *) a;
  const CxSample *sb = *(CxSample * const *) b;

  return g_utf8_collate (sa->title, sb->title);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GFile) dir = cx_samples_get_dir ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  samples = g_ptr_array_new_with_free_func ((GDestroyNotify) cx_sample_free);
  while ((info = g_file_enumerator_next_file (enumerator, cancellable, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(CxPlan) plan = NULL;
      const char *name = g_file_info_get_name (info);
      CxSample *sample;

      if (!g_str_has_suffix (name, CX_FILE_SUFFIX))
        continue;

      sample = g_new0 (CxSample, 1);
      sample->file = g_file_get_child (dir, name);
      plan = cx_plan_read_from_file (sample->file, NULL, NULL, cancellable, NULL);
      if (plan != NULL && cx_plan_get_title (plan) != NULL)
        sample->title = g_strdup (cx_plan_get_title (plan));
      else
        sample->title = g_filename_display_name (name);
      g_ptr_array_add (samples, sample);
    }

  g_ptr_array_sort (samples, compare_samples);
  g_task_return_pointer (task, g_steal_pointer (&samples), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cx_samples_list_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: for @callback
 *
 * Lists the sample plans with their titles, in a thread.
 */
void
cx_samples_list_async (GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cx_samples_list_async);
  g_task_run_in_thread (task, list_thread);
}

/**
 * cx_samples_list_finish:
 * @result: the result given to the callback
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type CxSample): the samples, by title
 */
GPtrArray *
cx_samples_list_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
