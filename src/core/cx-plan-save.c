/* cx-plan-save.c — saving a plan so that a failed save loses nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_file_replace() falls back to truncating the file and writing it in
 * place when it cannot make a temporary file beside it (a read-only
 * folder, a file with hard links): a failure half-way would then lose
 * the user's plan. So local files are saved by hand: the bytes go to a
 * temporary file in the same folder, flushed to disk, given the old file's
 * permissions and owner, and renamed over it in one step. Saving through a
 * symbolic link replaces the file it points to. Files that are not local
 * (GVfs) go through g_file_replace_contents().
 */

#define G_LOG_DOMAIN "cx-save"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cx-plan-io.h"

G_GNUC_PRINTF (4, 5) static gboolean
fail_errno (GError     **error,
            int          saved_errno,
            const char  *path,
            const char  *format,
            ...)
{
  g_autofree char *what = NULL;
  g_autofree char *display = g_filename_display_name (path);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s (%s)"), display, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length,
           int          *saved_errno)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *saved_errno = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

static gboolean
save_local (const char    *path,
            GBytes        *bytes,
            GError       **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  struct stat original;
  gboolean existed;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  int saved_errno = 0;
  int fd;

  /* Save through a symbolic link into the file it names */
  target = realpath (path, NULL);
  if (target == NULL)
    {
      if (errno != ENOENT)
        return fail_errno (error, errno, path, _("the file cannot be reached"));
      target = g_strdup (path);
    }

  existed = g_stat (target, &original) == 0;
  if (!existed && errno != ENOENT)
    return fail_errno (error, errno, path, _("the file cannot be reached"));
  if (existed && S_ISDIR (original.st_mode))
    return fail_errno (error, EISDIR, path, _("it is a folder"));
  if (existed && !S_ISREG (original.st_mode))
    return fail_errno (error, EINVAL, path, _("it is not a regular file"));

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return fail_errno (error, errno, path,
                       _("no new file can be made in its folder, so the old one is left as it was"));

  if (existed)
    {
      /* Keep the old file's permissions, and its owner where we may */
      if (fchmod (fd, original.st_mode & 07777) != 0)
        saved_errno = errno;
      if (fchown (fd, original.st_uid, original.st_gid) != 0)
        {
          /* not ours to give away: keep at least the group if possible */
          if (fchown (fd, (uid_t) -1, original.st_gid) != 0) {}
        }
    }
  /* A new file keeps the mode it was made with: 0666 less the umask,
   * which open() applied (umask() itself is process-wide: never call it
   * from a thread) */

  if (saved_errno != 0 ||
      !write_all (fd, data, length, &saved_errno) ||
      (fsync (fd) != 0 && (saved_errno = errno) != 0))
    {
      close (fd);
      g_unlink (tmp_path);
      return fail_errno (error, saved_errno, path,
                         _("the plan could not be written, and the old file is left as it was"));
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return fail_errno (error, saved_errno, path,
                         _("the plan could not be written, and the old file is left as it was"));
    }

  if (g_rename (tmp_path, target) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return fail_errno (error, saved_errno, path,
                         _("the new file could not take the old one's place"));
    }

  /* Make the rename itself durable */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return TRUE;
}

/**
 * cx_plan_save_to_file:
 * @plan: a #CxPlan
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError in the %G_IO_ERROR domain
 *
 * Writes @plan to @file in canonical form, atomically: if the save cannot
 * complete, the file that was there is left whole. The file keeps its
 * permissions.
 *
 * Returns: %TRUE on success
 */
gboolean
cx_plan_save_to_file (CxPlan        *plan,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CX_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  bytes = cx_plan_to_bytes (plan);
  return cx_save_bytes_to_file (bytes, file, cancellable, error);
}

/**
 * cx_save_bytes_to_file:
 * @bytes: a plan's bytes, from cx_plan_to_bytes()
 * @file: where to save them
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError in the %G_IO_ERROR domain
 *
 * Saves as cx_plan_save_to_file() does, bytes written before: what a
 * thread gets from a plan that the main thread goes on editing.
 *
 * Returns: %TRUE on success
 */
gboolean
cx_save_bytes_to_file (GBytes        *bytes,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    return save_local (path, bytes, error);

  data = g_bytes_get_data (bytes, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}
