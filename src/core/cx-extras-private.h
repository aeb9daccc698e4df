/* cx-extras-private.h — the kept form's buffers, for cx-extras*.c only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cx-extras.h"

G_BEGIN_DECLS

typedef struct
{
  guint position;   /* how many known child elements precede the run */
  gsize end;        /* where it ends in the children buffer */
} CxForeignRun;

struct _CxExtras
{
  char         *attrs;      /* ' qname="value"' each */
  char         *kept;       /* the child elements */
  CxForeignRun *runs;
  gsize         attrs_len;
  gsize         kept_len;
  guint         n_runs;
};

G_END_DECLS
