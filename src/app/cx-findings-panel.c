/* cx-findings-panel.c — the findings of the checks, to go to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list in document order, as the checks return them. Choosing a row
 * emits ::finding-activated; the window selects the step flagged and
 * scrolls the map to what the finding points at. A big plan has
 * thousands of findings: a GtkListView makes rows only for what is in
 * view, where a GtkListBox would measure every one on each layout.
 *
 * Even so, GTK 4.8's list view keeps 200 rows bound and measured around
 * what it shows, whatever fits: with wrapped text that cost 300 ms on
 * opening a plan with 5,000 findings. The list therefore shows the
 * findings a slice at a time, and the slice grows as the list is
 * scrolled towards its end, or when a finding further down is chosen.
 *
 * With one persona's journey shown, the list shows the findings of the
 * steps in it (and those of no step: a phase, the plan); the user narrows
 * it further by severity, by check and by a search: one filter between
 * the findings and the slice asks all of them (cx-findings-filter.c).
 *
 * The findings the plan accepts come last, under a heading row (GTK 4.8
 * has no sections in a list): the store holds the active findings in
 * document order, then the heading, then the accepted ones. The heading
 * is an item of its own, not a flag on the first accepted finding, so
 * that it stays when a filter hides that finding; it says how many it
 * heads, and is shown while that is more than none.
 */

#define G_LOG_DOMAIN "cx-findings-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-finding-item.h"
#include "cx-finding-row.h"
#include "cx-findings-panel-private.h"

enum {
  FINDING_ACTIVATED,
  FINDING_ACTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CxFindingsPanel, cx_findings_panel, ADW_TYPE_BIN)

static void
on_activate (CxFindingsPanel *self,
             guint            position,
             GtkListView     *list_view)
{
  g_autoptr(CxFindingItem) item = NULL;

  g_assert (CX_IS_FINDINGS_PANEL (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (item != NULL && item->finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, item->finding);
}

/* Shows at least @n findings, or all there are */
static void
cx_findings_panel_show_at_least (CxFindingsPanel *self,
                                 guint            n)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  n = MIN (n, total);
  if (gtk_slice_list_model_get_size (self->slice) < n)
    gtk_slice_list_model_set_size (self->slice, n);
}

/* Within a page of the end of what is shown: show more. From an idle,
 * since the adjustment also changes while the list is being allocated. */
static gboolean
grow_idle (gpointer user_data)
{
  CxFindingsPanel *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  self->grow_source = 0;
  if (page > 0 && value + 2 * page >= gtk_adjustment_get_upper (adjustment))
    cx_findings_panel_show_at_least (self, gtk_slice_list_model_get_size (self->slice) +
                                           SLICE_STEP);

  return G_SOURCE_REMOVE;
}

static void
on_scrolled (CxFindingsPanel *self,
             GtkAdjustment   *adjustment)
{
  if (self->grow_source == 0)
    self->grow_source = g_idle_add (grow_idle, self);
}

/* The node that takes the keyboard is the list's own item widget, around
 * the row: it says the finding, and whether it is the one chosen */
static void
sync_item_accessible (GtkListItem *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *owner = row != NULL ? gtk_widget_get_parent (row) : NULL;
  const char *summary;

  if (owner == NULL)
    return;

  summary = cx_finding_row_get_summary (CX_FINDING_ROW (row));
  if (summary != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (owner),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (owner),
                               GTK_ACCESSIBLE_STATE_SELECTED, gtk_list_item_get_selected (list_item),
                               -1);
}

static void
on_row_action (CxFindingRow *row,
               const char   *action,
               gpointer      user_data)
{
  CxFindingsPanel *self = CX_FINDINGS_PANEL (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                      CX_TYPE_FINDINGS_PANEL));
  const CxFinding *finding = cx_finding_row_get_finding (row);

  if (self != NULL && finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTION], 0, finding, action);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *row = cx_finding_row_new ();

  g_signal_connect (row, "action", G_CALLBACK (on_row_action), NULL);
  gtk_list_item_set_child (list_item, row);
  g_signal_connect (list_item, "notify::selected", G_CALLBACK (sync_item_accessible), NULL);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  CxFindingsPanel *self = user_data;
  CxFindingItem *item = gtk_list_item_get_item (list_item);
  CxFindingRow *row = CX_FINDING_ROW (gtk_list_item_get_child (list_item));

  /* The heading: nothing to choose there */
  gtk_list_item_set_selectable (list_item, item->finding != NULL);
  gtk_list_item_set_activatable (list_item, item->finding != NULL);
  if (item->finding == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Accepted (%u)"), item->n_accepted);

      cx_finding_row_set_heading (row, heading);
      sync_item_accessible (list_item);
      return;
    }

  cx_finding_row_set_finding (row, item->finding);
  cx_finding_row_set_fix (row, self->plan != NULL ? cx_finding_get_fix (self->plan, item->finding)
                                                  : CX_FIX_NONE);
  sync_item_accessible (list_item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  cx_finding_row_set_finding (CX_FINDING_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
cx_findings_panel_dispose (GObject *object)
{
  CxFindingsPanel *self = CX_FINDINGS_PANEL (object);

  g_clear_handle_id (&self->grow_source, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_object (&self->checks);
  cx_findings_filter_clear (&self->criteria);

  G_OBJECT_CLASS (cx_findings_panel_parent_class)->dispose (object);
}

static void
cx_findings_panel_class_init (CxFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cx_findings_panel_dispose;

  /**
   * CxFindingsPanel::finding-activated:
   * @self: the panel
   * @finding: (type CxFinding): the finding chosen
   */
  /**
   * CxFindingsPanel::finding-action:
   * @self: the panel
   * @finding: (type CxFinding): the finding
   * @action: what the user asked of it: "explain", "fix", "accept",
   *   "stop-accepting"
   */
  signals[FINDING_ACTION] =
    g_signal_new ("finding-action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  CX_TYPE_FINDING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  CX_TYPE_FINDING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, check_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, none_match_label);
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, _cx_findings_panel_on_severity_selected);
  gtk_widget_class_bind_template_callback (widget_class, _cx_findings_panel_on_check_selected);
  gtk_widget_class_bind_template_callback (widget_class, _cx_findings_panel_on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, _cx_findings_panel_on_clear_clicked);
}

/* The list is one stop of Tab, with the arrows inside it: Tab leaves it
 * for the next region of the window, as F6 does, Escape for the map */
static gboolean
on_list_key_pressed (CxFindingsPanel       *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (state & GDK_CONTROL_MASK)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (GTK_WIDGET (self), state & GDK_SHIFT_MASK
                                                     ? "win.focus-previous-region"
                                                     : "win.focus-next-region", NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_ISO_Left_Tab:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-previous-region", NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-map", NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Menu:
    case GDK_KEY_F10:
      if (keyval == GDK_KEY_F10 && !(state & GDK_SHIFT_MASK))
        return GDK_EVENT_PROPAGATE;
      {
        /* The row where the keyboard is: its menu */
        GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
        GtkWidget *row = NULL;

        for (GtkWidget *child = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;
             child != NULL && row == NULL;
             child = gtk_widget_get_next_sibling (child))
          if (CX_IS_FINDING_ROW (child))
            row = child;
        if (row == NULL)
          return GDK_EVENT_PROPAGATE;
        cx_finding_row_popup_menu (CX_FINDING_ROW (row));
      }
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* What the filter lets through: the heading while it heads any */
static gboolean
item_shown (gpointer item,
            gpointer user_data)
{
  CxFindingsPanel *self = user_data;
  CxFindingItem *finding_item = CX_FINDING_ITEM (item);

  if (finding_item->finding == NULL)
    return finding_item->n_accepted > 0;

  return cx_findings_filter_match (&self->criteria, self->plan, finding_item->finding);
}

static void
cx_findings_panel_init (CxFindingsPanel *self)
{
  GtkEventController *keys;
  GtkListItemFactory *factory;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  cx_findings_filter_init (&self->criteria);
  self->store = g_list_store_new (CX_TYPE_FINDING_ITEM);
  self->filter = gtk_custom_filter_new (item_shown, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)), NULL);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          0, SLICE_STEP);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  /* Ctrl+F is the window's find-a-step: typing in the list searches it */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->list_view));
  gtk_search_bar_connect_entry (self->search_bar, self->search_entry);

  _cx_findings_panel_init_check_dropdown (self);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_scrolled), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
cx_findings_panel_new (void)
{
  return g_object_new (CX_TYPE_FINDINGS_PANEL, NULL);
}

/* ------------------------------------------------------------------ */
/* The store: active findings, then the heading and the accepted ones  */

/* @findings as the store shows them: the active ones, then, if any are
 * accepted, the heading and the accepted ones */
static void
order_entries (CxFindingsPanel *self,
               GPtrArray       *findings,
               GArray          *active,
               GArray          *accepted)
{
  gboolean filtering = cx_findings_filter_is_active (&self->criteria);
  CxFindingEntry heading = { NULL, 0 };

  g_array_append_val (accepted, heading);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      CxFindingEntry entry = { g_ptr_array_index (findings, i), 0 };

      if (!entry.finding->accepted)
        {
          g_array_append_val (active, entry);
          continue;
        }
      g_array_append_val (accepted, entry);
      if (!filtering || cx_findings_filter_match (&self->criteria, self->plan, entry.finding))
        g_array_index (accepted, CxFindingEntry, 0).n_accepted++;
    }
  if (accepted->len == 1)
    g_array_set_size (accepted, 0);
}

gboolean
_cx_findings_panel_have_heading (CxFindingsPanel *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->store)) > self->n_active;
}

/**
 * cx_findings_panel_set_findings:
 * @self: a #CxFindingsPanel
 * @findings: (nullable) (element-type CxFinding): the plan's findings
 *
 * Shows the findings of another plan, from the top, of every severity
 * and check (the journey shown stays: it is the window's).
 */
void
cx_findings_panel_set_findings (CxFindingsPanel *self,
                                GPtrArray       *findings)
{
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (CxFindingEntry));
  g_autoptr(GArray) accepted = g_array_new (FALSE, FALSE, sizeof (CxFindingEntry));
  g_autoptr(GPtrArray) items = NULL;
  gboolean lost;

  g_return_if_fail (CX_IS_FINDINGS_PANEL (self));

  /* Another plan: all its findings, whatever the last one was narrowed to */
  lost = _cx_findings_panel_reset_filters (self);
  lost |= _cx_findings_panel_update_checks (self, findings);
  order_entries (self, findings, active, accepted);
  g_array_append_vals (active, accepted->data, accepted->len);
  items = cx_finding_items_new ((CxFindingEntry *) active->data, active->len);

  /* one change for the whole list, not one a finding; from the top */
  gtk_slice_list_model_set_size (self->slice, SLICE_STEP);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  self->n_active = active->len - accepted->len;

  if (lost)
    _cx_findings_panel_refilter (self);
  _cx_findings_panel_show_list_or_none (self);
}

/**
 * cx_findings_panel_update_findings:
 * @self: a #CxFindingsPanel
 * @findings: (nullable) (element-type CxFinding): the same plan's
 *   findings, checked again after an edit
 *
 * Shows the findings of the plan checked again in place of the old ones:
 * in each section (the active findings, the accepted ones), only what
 * changed between the findings they share at the start and at the end is
 * replaced, so the list keeps where it is scrolled to and the finding
 * chosen, a finding accepted only moves from one section to the other,
 * and a long list costs only its changes.
 */
void
cx_findings_panel_update_findings (CxFindingsPanel *self,
                                   GPtrArray       *findings)
{
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (CxFindingEntry));
  g_autoptr(GArray) accepted = g_array_new (FALSE, FALSE, sizeof (CxFindingEntry));
  guint n_store;
  gboolean lost;

  g_return_if_fail (CX_IS_FINDINGS_PANEL (self));

  lost = _cx_findings_panel_update_checks (self, findings);
  order_entries (self, findings, active, accepted);

  /* The end first, so that the start's positions hold */
  n_store = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  cx_finding_store_splice (self->store, self->n_active, n_store - self->n_active,
                           (CxFindingEntry *) accepted->data, accepted->len);
  cx_finding_store_splice (self->store, 0, self->n_active,
                           (CxFindingEntry *) active->data, active->len);
  self->n_active = active->len;

  /* The edit may have moved a step into or out of the journey shown, or
   * retitled one searched for: only what the filter now decides
   * otherwise changes in the list */
  if (lost || cx_findings_filter_is_active (&self->criteria))
    _cx_findings_panel_refilter (self);
  _cx_findings_panel_show_list_or_none (self);
}

/**
 * cx_findings_panel_set_plan:
 * @self: a #CxFindingsPanel
 * @plan: (nullable): the plan whose findings are listed
 *
 * The plan the rows ask for the fix each finding offers.
 */
void
cx_findings_panel_set_plan (CxFindingsPanel *self,
                            CxPlan          *plan)
{
  g_return_if_fail (CX_IS_FINDINGS_PANEL (self));
  g_return_if_fail (plan == NULL || CX_IS_PLAN (plan));

  g_set_object (&self->plan, plan);
}

/* ------------------------------------------------------------------ */
/* The findings shown, counted without the heading                     */

/* How many accepted findings the heading heads in the list */
static guint
heading_count (CxFindingsPanel *self)
{
  if (!_cx_findings_panel_have_heading (self))
    return 0;

  return cx_finding_store_get (self->store, self->n_active)->n_accepted;
}

/* Whether the heading is in the list: while it heads a finding shown */
static gboolean
heading_shown (CxFindingsPanel *self)
{
  return heading_count (self) > 0;
}

/* The row of the list of the finding shown @index-th, or
 * GTK_INVALID_LIST_POSITION: the heading comes before the accepted ones */
static guint
finding_position (CxFindingsPanel *self,
                  guint            index)
{
  g_autoptr(CxFindingItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), index);

  if (item == NULL)
    return GTK_INVALID_LIST_POSITION;
  if (item->finding == NULL || item->finding->accepted)
    index++;

  return index < g_list_model_get_n_items (G_LIST_MODEL (self->filtered))
         ? index : GTK_INVALID_LIST_POSITION;
}

/**
 * cx_findings_panel_get_n_findings:
 * @self: a #CxFindingsPanel
 *
 * Returns: how many findings the list shows: those of the journey shown
 *   that the filters let through (the heading is not one)
 */
guint
cx_findings_panel_get_n_findings (CxFindingsPanel *self)
{
  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) - (heading_shown (self) ? 1 : 0);
}

/**
 * cx_findings_panel_get_finding:
 * @self: a #CxFindingsPanel
 * @index: a finding shown, counted from 0 down the list
 *
 * Returns: (transfer none) (nullable): the finding the row shows
 */
const CxFinding *
cx_findings_panel_get_finding (CxFindingsPanel *self,
                               guint            index)
{
  g_autoptr(CxFindingItem) item = NULL;
  guint position;

  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), NULL);

  position = finding_position (self, index);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  /* The store holds it */
  return item->finding;
}

/**
 * cx_findings_panel_get_n_accepted:
 * @self: a #CxFindingsPanel
 *
 * Returns: how many accepted findings the list shows, under its heading
 */
guint
cx_findings_panel_get_n_accepted (CxFindingsPanel *self)
{
  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), 0);

  return heading_count (self);
}

/**
 * cx_findings_panel_activate_index:
 * @self: a #CxFindingsPanel
 * @index: a finding shown, counted as cx_findings_panel_get_finding() does
 *
 * Selects and activates its row, as a click would.
 *
 * Returns: whether there is such a finding
 */
gboolean
cx_findings_panel_activate_index (CxFindingsPanel *self,
                                  guint            index)
{
  guint position;

  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), FALSE);

  position = finding_position (self, index);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  cx_findings_panel_show_at_least (self, position + 1);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  on_activate (self, position, self->list_view);

  return TRUE;
}

/**
 * cx_findings_panel_focus_list:
 * @self: a #CxFindingsPanel
 *
 * Puts the keyboard in the list, past the filters above it (or in the
 * panel's first control when the list shows nothing).
 *
 * Returns: whether the keyboard is in the panel now
 */
gboolean
cx_findings_panel_focus_list (CxFindingsPanel *self)
{
  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0 &&
      gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD))
    return TRUE;

  return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}
