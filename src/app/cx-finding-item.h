/* cx-finding-item.h — a finding as an item of the findings list's store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cx-check.h"

G_BEGIN_DECLS

#define CX_TYPE_FINDING_ITEM (cx_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (CxFindingItem, cx_finding_item, CX, FINDING_ITEM, GObject)

struct _CxFindingItem
{
  GObject    parent_instance;
  CxFinding *finding;     /* NULL: the heading of the accepted findings */
  guint      n_accepted;  /* the heading's: how many of them the list shows */
};

/* One row of the list the store is to hold: a finding (not copied yet),
 * or the heading */
typedef struct
{
  const CxFinding *finding;
  guint            n_accepted;
} CxFindingEntry;

gboolean       cx_finding_same          (const CxFinding      *a,
                                         const CxFinding      *b);
GPtrArray     *cx_finding_items_new     (const CxFindingEntry *entries,
                                         guint                 n);
CxFindingItem *cx_finding_store_get     (GListStore           *store,
                                         guint                 position);
void           cx_finding_store_splice  (GListStore           *store,
                                         guint                 start,
                                         guint                 n_old,
                                         const CxFindingEntry *entries,
                                         guint                 n_new);

G_END_DECLS
