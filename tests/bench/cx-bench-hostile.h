/* cx-bench-hostile.h — the benchmark's section on hostile shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cx_bench_hostile_run (const double *sizes_mib,
                               guint         n_sizes,
                               const char   *only,
                               guint         runs,
                               gboolean      csv,
                               const char   *keep_dir);

G_END_DECLS
