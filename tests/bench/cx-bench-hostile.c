/* cx-bench-hostile.c — the reader against shapes made to be costly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each shape of cx-hostile-gen.h, at a few sizes: the file's size,
 * libxml2's bare parse of it (the floor), the reader's time and its time a
 * MiB (flat across sizes: linear), the growth of the peak RSS over the
 * read, against the file's size, and the writer's time and output. Times
 * are CPU time of this process (the median of the runs), steadier than
 * wall time on a shared machine. Nothing is asserted: the figures are
 * printed.
 */

#define G_LOG_DOMAIN "cx-bench"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "cx-bench-hostile.h"
#include "cx-hostile-gen.h"
#include "cx-plan-io.h"

typedef struct
{
  CxHostileShape shape;
  guint          n;
  gsize          size;
  double         floor_ms;     /* xmlReadMemory to a tree */
  double         read_ms;
  double         write_ms;
  gsize          written;
  gint64         peak_kib;     /* peak RSS growth over the read, in a child; -1: unknown */
  gboolean       refused;
  char          *refusal;
} Row;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static gint64
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strdup_printf ("\n%s:", field);
  const char *found;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  found = strstr (status, key);

  return found != NULL ? g_ascii_strtoll (found + strlen (key), NULL, 10) : -1;
}

/* The growth of the peak RSS over one read, in a child, so that the peak
 * is the read's own: VmHWM reset through /proc/self/clear_refs */
static gint64
peak_of_read (const char *data,
              gsize       length)
{
  gint64 result = -1;
  int fds[2];
  pid_t pid;
  int status;

  if (pipe (fds) != 0)
    return -1;

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    {
      close (fds[0]);
      close (fds[1]);
      return -1;
    }

  if (pid == 0)
    {
      gint64 peak = -1;
      gint64 base;
      int fd;
      CxPlan *plan;

      close (fds[0]);
      malloc_trim (0);
      fd = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
      if (fd >= 0 && write (fd, "5", 1) == 1)
        {
          base = status_kib ("VmRSS");
          plan = cx_plan_read_from_data (data, length, "bench.cxplan", NULL, NULL, NULL, NULL);
          peak = status_kib ("VmHWM") - base;
          g_clear_object (&plan);
        }
      if (fd >= 0)
        close (fd);
      if (write (fds[1], &peak, sizeof peak) != sizeof peak)
        _exit (1);
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], &result, sizeof result) != sizeof result)
    result = -1;
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;

  return result;
}

static void
measure_row (Row        *row,
             guint       runs,
             const char *keep_dir)
{
  g_autofree char *data = cx_hostile_generate (row->shape, row->n, &row->size);
  g_autofree double *floor_ms = g_new (double, runs);
  g_autofree double *read_ms = g_new (double, runs);
  g_autofree double *write_ms = g_new (double, runs);

  if (keep_dir != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u.cxplan",
                                               cx_hostile_shape_name (row->shape), row->n);
      g_autofree char *path = g_build_filename (keep_dir, name, NULL);

      g_file_set_contents (path, data, row->size, NULL);
    }

  row->peak_kib = peak_of_read (data, row->size);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CxPlan) plan = NULL;
      g_autoptr(GBytes) bytes = NULL;
      xmlDocPtr doc;
      double start;

      malloc_trim (0);
      start = cpu_ms ();
      doc = xmlReadMemory (data, (int) row->size, "bench.cxplan", NULL, XML_PARSE_NONET);
      floor_ms[i] = cpu_ms () - start;
      xmlFreeDoc (doc);

      malloc_trim (0);
      start = cpu_ms ();
      plan = cx_plan_read_from_data (data, row->size, "bench.cxplan", NULL, NULL, NULL, &error);
      read_ms[i] = cpu_ms () - start;

      if (plan == NULL)
        {
          row->refused = TRUE;
          if (row->refusal == NULL)
            row->refusal = g_strdup (error->message);
          write_ms[i] = 0;
          continue;
        }

      malloc_trim (0);
      start = cpu_ms ();
      bytes = cx_plan_to_bytes (plan);
      write_ms[i] = cpu_ms () - start;
      row->written = g_bytes_get_size (bytes);
    }

  row->floor_ms = median_of (floor_ms, runs);
  row->read_ms = median_of (read_ms, runs);
  row->write_ms = median_of (write_ms, runs);
}

static void
print_rows (const Row *rows,
            guint      n_rows,
            gboolean   csv)
{
  if (csv)
    printf ("shape,units,bytes,libxml2_ms,read_ms,read_ms_per_mib,peak_rss_growth_kib,"
            "peak_over_size,write_ms,written_bytes,refused\n");
  else
    {
      printf ("\nHostile shapes (tests/cx-hostile-gen.c): CPU ms, the median of the runs\n");
      printf ("%-20s %8s %8s %9s %8s %8s %9s %7s %8s %8s\n",
              "shape", "units", "file", "libxml2", "read", "read", "peak RSS", "peak", "write",
              "written");
      printf ("%-20s %8s %8s %9s %8s %8s %9s %7s %8s %8s\n",
              "", "", "MiB", "parse ms", "ms", "ms/MiB", "MiB", "/file", "ms", "/file");
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const Row *r = &rows[i];
      double mib = r->size / (1024.0 * 1024.0);
      double peak_mib = r->peak_kib / 1024.0;

      if (csv)
        {
          printf ("%s,%u,%" G_GSIZE_FORMAT ",%.3f,%.3f,%.3f,%" G_GINT64_FORMAT ",%.2f,%.3f,"
                  "%" G_GSIZE_FORMAT ",%s\n",
                  cx_hostile_shape_name (r->shape), r->n, r->size, r->floor_ms, r->read_ms,
                  r->read_ms / mib, r->peak_kib, peak_mib / mib, r->write_ms, r->written,
                  r->refused ? "yes" : "no");
          continue;
        }

      printf ("%-20s %8u %8.2f %9.1f %8.1f %8.1f %9.1f %6.1fx ",
              cx_hostile_shape_name (r->shape), r->n, mib, r->floor_ms, r->read_ms,
              r->read_ms / mib, peak_mib, peak_mib / mib);
      if (r->refused)
        printf ("%8s %8s\n", "-", "refused");
      else
        printf ("%8.1f %7.2fx\n", r->write_ms, (double) r->written / r->size);
    }

  if (csv)
    return;

  printf ("\nlibxml2 parse: xmlReadMemory to a tree (XML_PARSE_NONET), the floor; it is\n"
          "  itself square in attributes an element and in declarations in scope.\n"
          "read: cx_plan_read_from_data; write: cx_plan_to_bytes, written/file its size.\n"
          "peak RSS: VmHWM after the read minus VmRSS before it, in a child forked per size,\n"
          "  the file's bytes already in memory; the bound is 10x the file + 32 MiB.\n");
  for (guint i = 0; i < n_rows; i++)
    {
      if (rows[i].refused && (i == 0 || rows[i - 1].shape != rows[i].shape))
        printf ("%s is refused, as it should be: %s\n",
                cx_hostile_shape_name (rows[i].shape), rows[i].refusal);
    }
}

/**
 * cx_bench_hostile_run:
 * @sizes_mib: the sizes to generate, in MiB of file
 * @n_sizes: how many
 * @only: (nullable): one shape's name, or %NULL for all
 * @runs: runs a size
 * @csv: CSV instead of a table
 * @keep_dir: (nullable): where to keep the generated files
 *
 * Returns: %FALSE when @only names no shape
 */
gboolean
cx_bench_hostile_run (const double *sizes_mib,
                      guint         n_sizes,
                      const char   *only,
                      guint         runs,
                      gboolean      csv,
                      const char   *keep_dir)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  CxHostileShape chosen = CX_N_HOSTILE;

  if (only != NULL && !cx_hostile_shape_from_name (only, &chosen))
    return FALSE;

  for (guint shape = 0; shape < CX_N_HOSTILE; shape++)
    {
      if (chosen != CX_N_HOSTILE && shape != chosen)
        continue;

      for (guint s = 0; s < n_sizes; s++)
        {
          Row row = { 0, };

          row.shape = shape;
          row.n = MAX (1, (guint) (sizes_mib[s] * 1024 * 1024 / cx_hostile_unit_size (shape)));
          if (!csv)
            g_printerr ("cxplan-bench: %s, %u units...\n", cx_hostile_shape_name (shape), row.n);
          measure_row (&row, runs, keep_dir);
          g_array_append_val (rows, row);
        }
    }

  print_rows ((const Row *) rows->data, rows->len, csv);

  for (guint i = 0; i < rows->len; i++)
    g_free (g_array_index (rows, Row, i).refusal);

  return TRUE;
}
