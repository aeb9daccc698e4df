/* cx-plan-writer-private.h — the writer, for writing a plan by parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cx-model.h"

G_BEGIN_DECLS

/* The element of @step as written before, still true of it, or NULL to
 * write it now; (transfer none) */
typedef GBytes *(*CxStepBytesFunc) (CxStep   *step,
                                    gpointer  user_data);

GBytes *_cx_plan_write       (CxPlan          *plan,
                              CxStepBytesFunc  step_bytes,
                              gpointer         user_data,
                              GPtrArray       *chunks);
void    _cx_plan_append_step (GString         *out,
                              CxStep          *step);

G_END_DECLS
