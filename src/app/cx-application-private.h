/* cx-application-private.h — what cx-application*.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CxApplication is split by concern: cx-application.c opening files, the
 * actions and accelerators; cx-application-drafts.c offering the drafts
 * left by a crash or a killed session.
 */

#pragma once

#include "cx-application.h"
#include "cx-drafts.h"

G_BEGIN_DECLS

struct _CxApplication
{
  AdwApplication  parent_instance;

  CxDraftStore   *draft_store;
  GListStore     *drafts;          /* (element-type CxDraft): offered */
  GCancellable   *drafts_cancellable;
  gboolean        drafts_listed;
  GPtrArray      *drafts_wanted;   /* ids asked to recover before the list was ready */
};

void _cx_application_drafts_startup (CxApplication *self);
void _cx_application_drafts_dispose (CxApplication *self);

G_END_DECLS
