/* cx-samples.h — the sample plans bundled with the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GFile *file;
  char  *title;   /* the plan's title, or its file name */
} CxSample;

void       cx_sample_free         (CxSample            *sample);
GFile     *cx_samples_get_dir     (void);
void       cx_samples_list_async  (GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
GPtrArray *cx_samples_list_finish (GAsyncResult        *result,
                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CxSample, cx_sample_free)

G_END_DECLS
