/* cx-bench-gen.h — realistic plans of any size, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cx_bench_generate_plan (guint   n_steps,
                              guint32 seed);

G_END_DECLS
