/* cx-finding-item.c — a finding as an item of the findings list's store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list's store is changed in place after each check: only the items
 * that differ from what the checks now find are replaced, so the list
 * view keeps its rows, the selection and the scroll position.
 */

#define G_LOG_DOMAIN "cx-finding-item"

#include "config.h"

#include "cx-finding-item.h"

G_DEFINE_FINAL_TYPE (CxFindingItem, cx_finding_item, G_TYPE_OBJECT)

static void
cx_finding_item_finalize (GObject *object)
{
  g_clear_pointer (&CX_FINDING_ITEM (object)->finding, cx_finding_free);

  G_OBJECT_CLASS (cx_finding_item_parent_class)->finalize (object);
}

static void
cx_finding_item_class_init (CxFindingItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cx_finding_item_finalize;
}

static void
cx_finding_item_init (CxFindingItem *self)
{
}

/**
 * cx_finding_same:
 * @a: a finding
 * @b: another
 *
 * Returns: whether the two show the same (a finding of a plan checked
 *   again after an edit elsewhere), accepted or not with the same reason
 */
gboolean
cx_finding_same (const CxFinding *a,
                 const CxFinding *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->check == b->check && a->severity == b->severity && a->target == b->target &&
         a->phase == b->phase && a->index == b->index && a->line == b->line &&
         a->accepted == b->accepted &&
         g_strcmp0 (a->step_id, b->step_id) == 0 &&
         g_strcmp0 (a->failure_id, b->failure_id) == 0 &&
         g_strcmp0 (a->message, b->message) == 0 &&
         g_strcmp0 (a->reason, b->reason) == 0;
}

static gboolean
item_is (CxFindingItem        *item,
         const CxFindingEntry *entry)
{
  if (item->finding == NULL || entry->finding == NULL)
    return item->finding == entry->finding && item->n_accepted == entry->n_accepted;

  return cx_finding_same (item->finding, entry->finding);
}

/**
 * cx_finding_items_new:
 * @entries: (array length=n): what the items are to hold
 * @n: how many
 *
 * Returns: (transfer full) (element-type CxFindingItem): new items, each
 *   with its own copy of its finding
 */
GPtrArray *
cx_finding_items_new (const CxFindingEntry *entries,
                      guint                 n)
{
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      CxFindingItem *item = g_object_new (CX_TYPE_FINDING_ITEM, NULL);

      item->finding = entries[i].finding != NULL ? cx_finding_copy (entries[i].finding) : NULL;
      item->n_accepted = entries[i].n_accepted;
      g_ptr_array_add (items, item);
    }

  return items;
}

/**
 * cx_finding_store_get:
 * @store: a store of #CxFindingItem
 * @position: an item of it
 *
 * Returns: (transfer none): the item, which @store holds
 */
CxFindingItem *
cx_finding_store_get (GListStore *store,
                      guint       position)
{
  CxFindingItem *item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_return_val_if_fail (item != NULL, NULL);

  g_object_unref (item);
  return item;
}

/**
 * cx_finding_store_splice:
 * @store: a store of #CxFindingItem
 * @start: the first item of the section to replace
 * @n_old: how many items the section has
 * @entries: (array length=n_new): what the section is to hold
 * @n_new: how many
 *
 * Puts @entries in place of the section: only what changed between the
 * items they share at its start and at its end is replaced.
 */
void
cx_finding_store_splice (GListStore           *store,
                         guint                 start,
                         guint                 n_old,
                         const CxFindingEntry *entries,
                         guint                 n_new)
{
  g_autoptr(GPtrArray) items = NULL;
  guint prefix = 0, suffix = 0;

  g_return_if_fail (G_IS_LIST_STORE (store));

  while (prefix < MIN (n_old, n_new) &&
         item_is (cx_finding_store_get (store, start + prefix), &entries[prefix]))
    prefix++;
  while (suffix < MIN (n_old, n_new) - prefix &&
         item_is (cx_finding_store_get (store, start + n_old - 1 - suffix),
                  &entries[n_new - 1 - suffix]))
    suffix++;

  if (prefix + suffix == n_old && n_old == n_new)
    return;

  items = cx_finding_items_new (entries + prefix, n_new - prefix - suffix);
  g_list_store_splice (store, start + prefix, n_old - prefix - suffix, items->pdata, items->len);
}
