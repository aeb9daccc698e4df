/* cx-application-drafts.c — offering the drafts a crash left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the application starts, it lists the drafts in the user's store
 * in a thread, and looks whether each one's file changed on disk since.
 * A draft whose plan is open in a window of this (single) instance is its
 * live draft, and is not offered; the others are what a crash or a killed
 * session left. Each window's welcome page lists them (cx-window-drafts.c).
 *
 * Recovering and discarding are application actions with the draft's id,
 * app.recover-draft and app.discard-draft, so that scripts and tests can
 * drive them over the session bus; asked before the list is ready, they
 * wait for it. Only drafts offered are taken: a live draft is never
 * recovered twice or removed from under its window.
 */

#define G_LOG_DOMAIN "cx-application"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cx-application-private.h"
#include "cx-window-private.h"

/* Whether @draft belongs to a plan open in a window */
static gboolean
draft_is_open (CxApplication *self,
               CxDraft       *draft)
{
  GFile *file = cx_draft_get_file (draft);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CxDocument *document;

      if (!CX_IS_WINDOW (l->data))
        continue;
      document = cx_window_get_document (l->data);
      if (document != NULL &&
          g_strcmp0 (cx_document_get_draft_id (document), cx_draft_get_id (draft)) == 0)
        return TRUE;
      if (file != NULL && cx_window_has_file (l->data, file))
        return TRUE;
    }

  return FALSE;
}

/* The draft @id if it is offered, and where; (transfer full) */
static CxDraft *
lookup_offered (CxApplication *self,
                const char    *id,
                guint         *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));

  for (guint i = 0; i < n; i++)
    {
      CxDraft *draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), i);

      if (g_strcmp0 (cx_draft_get_id (draft), id) == 0)
        {
          *position = i;
          return draft;
        }
      g_object_unref (draft);
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* Recovering and discarding                                           */

static CxWindow *
window_for_recovery (CxApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CX_IS_WINDOW (l->data) && cx_window_is_empty (l->data))
      return l->data;

  return cx_window_new (GTK_APPLICATION (self));
}

static void
recover_draft (CxApplication *self,
               const char    *id)
{
  g_autoptr(CxDraft) draft = NULL;
  CxWindow *window;
  GFile *file;
  guint position;

  draft = lookup_offered (self, id, &position);
  if (draft == NULL)
    {
      g_debug ("No draft %s is offered", id);
      return;
    }

  /* Its file was opened since: that window's plan is the one to keep or
   * not; the draft waits */
  file = cx_draft_get_file (draft);
  if (file != NULL && (window = cx_application_find_window_for_file (self, file)) != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *title = NULL;

      /* Translators: a draft of a file that another window shows */
      title = g_strdup_printf (_("“%s” is open: close it to recover its unsaved changes"), name);
      gtk_window_present (GTK_WINDOW (window));
      _cx_window_show_toast (window, title);
      return;
    }

  g_list_store_remove (self->drafts, position);
  window = window_for_recovery (self);
  gtk_window_present (GTK_WINDOW (window));
  cx_window_recover_draft (window, self->draft_store, draft);
}

static void
recover_draft_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CxApplication *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  if (!self->drafts_listed)
    g_ptr_array_add (self->drafts_wanted, g_strconcat ("recover:", id, NULL));
  else
    recover_draft (self, id);
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CxApplication *self = source_object;
  GError *error = NULL;

  if (cx_draft_store_remove (self->draft_store, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_draft_removed (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("A draft could not be discarded: %s", error->message);
  g_application_release (G_APPLICATION (object));
}

static void
discard_draft (CxApplication *self,
               const char    *id)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(CxDraft) draft = NULL;
  guint position;

  draft = lookup_offered (self, id, &position);
  if (draft == NULL)
    {
      g_debug ("No draft %s is offered", id);
      return;
    }
  g_list_store_remove (self->drafts, position);

  /* Quitting waits for it */
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, on_draft_removed, NULL);
  g_task_set_source_tag (task, discard_draft);
  g_task_set_task_data (task, g_strdup (id), g_free);
  g_task_run_in_thread (task, remove_thread);
}

static void
discard_draft_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CxApplication *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  if (!self->drafts_listed)
    g_ptr_array_add (self->drafts_wanted, g_strconcat ("discard:", id, NULL));
  else
    discard_draft (self, id);
}

static const GActionEntry drafts_actions[] = {
  { "recover-draft", recover_draft_action, "s" },
  { "discard-draft", discard_draft_action, "s" },
};

/* ------------------------------------------------------------------ */
/* Listing                                                             */

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CxDraftStore *store = task_data;
  g_autoptr(GPtrArray) drafts = NULL;
  GError *error = NULL;

  drafts = cx_draft_store_list (store, cancellable, &error);
  if (drafts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    cx_draft_check_file (g_ptr_array_index (drafts, i), cancellable);

  g_task_return_pointer (task, g_steal_pointer (&drafts), (GDestroyNotify) g_ptr_array_unref);
}

/* Drafts wait where no window shows the welcome page: a toast says so */
static void
offer_drafts (CxApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->drafts)) == 0)
    return;

  /* A window reading a file is about to show it instead */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CX_IS_WINDOW (l->data) && cx_window_is_empty (l->data))
      return;

  if (CX_IS_WINDOW (active))
    _cx_window_offer_drafts (CX_WINDOW (active));
}

static void
on_drafts_listed (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CxApplication *self = CX_APPLICATION (object);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offered = g_ptr_array_new ();

  drafts = g_task_propagate_pointer (G_TASK (result), &error);
  if (drafts == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("The drafts cannot be listed: %s", error->message);
    }

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    if (!draft_is_open (self, g_ptr_array_index (drafts, i)))
      g_ptr_array_add (offered, g_ptr_array_index (drafts, i));
  g_list_store_splice (self->drafts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->drafts)),
                       offered->pdata, offered->len);
  self->drafts_listed = TRUE;

  /* What was asked meanwhile */
  wanted = g_steal_pointer (&self->drafts_wanted);
  self->drafts_wanted = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < wanted->len; i++)
    {
      const char *request = g_ptr_array_index (wanted, i);

      if (g_str_has_prefix (request, "recover:"))
        recover_draft (self, request + strlen ("recover:"));
      else if (g_str_has_prefix (request, "discard:"))
        discard_draft (self, request + strlen ("discard:"));
    }

  offer_drafts (self);
}

/**
 * cx_application_list_drafts:
 * @self: a #CxApplication
 *
 * Lists the drafts of the user's store again, in a thread, and offers
 * those of no plan open (the application does it when it starts).
 */
void
cx_application_list_drafts (CxApplication *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CX_IS_APPLICATION (self));

  g_cancellable_cancel (self->drafts_cancellable);
  g_clear_object (&self->drafts_cancellable);
  self->drafts_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->drafts_cancellable, on_drafts_listed, NULL);
  g_task_set_source_tag (task, cx_application_list_drafts);
  g_task_set_task_data (task, g_object_ref (self->draft_store), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

/**
 * cx_application_get_drafts:
 * @self: a #CxApplication
 *
 * Returns: (transfer none): the drafts offered for recovery, newest first
 *   (element-type CxDraft)
 */
GListModel *
cx_application_get_drafts (CxApplication *self)
{
  g_return_val_if_fail (CX_IS_APPLICATION (self), NULL);

  return G_LIST_MODEL (self->drafts);
}

/**
 * cx_application_offer_draft:
 * @self: a #CxApplication
 * @draft: a draft that could not be recovered
 *
 * Offers @draft again, to be discarded at least.
 */
void
cx_application_offer_draft (CxApplication *self,
                            CxDraft       *draft)
{
  g_autoptr(CxDraft) offered = NULL;
  guint position;

  g_return_if_fail (CX_IS_APPLICATION (self));
  g_return_if_fail (CX_IS_DRAFT (draft));

  offered = lookup_offered (self, cx_draft_get_id (draft), &position);
  if (offered == NULL)
    g_list_store_insert (self->drafts, 0, draft);
}

void
_cx_application_drafts_startup (CxApplication *self)
{
  self->draft_store = cx_draft_store_new_default ();
  self->drafts = g_list_store_new (CX_TYPE_DRAFT);
  self->drafts_wanted = g_ptr_array_new_with_free_func (g_free);
  g_action_map_add_action_entries (G_ACTION_MAP (self), drafts_actions,
                                   G_N_ELEMENTS (drafts_actions), self);

  cx_application_list_drafts (self);
}

void
_cx_application_drafts_dispose (CxApplication *self)
{
  g_cancellable_cancel (self->drafts_cancellable);
  g_clear_object (&self->drafts_cancellable);
  g_clear_object (&self->draft_store);
  g_clear_object (&self->drafts);
  g_clear_pointer (&self->drafts_wanted, g_ptr_array_unref);
}
