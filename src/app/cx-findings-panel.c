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
 * steps in it (and those of no step: a phase, the plan): a filter between
 * the findings and the slice.
 */

#define G_LOG_DOMAIN "cx-findings-panel"

#include "config.h"

#include "cx-finding-row.h"
#include "cx-findings-panel.h"

/* A finding as an item of a GListModel */
#define CX_TYPE_FINDING_ITEM (cx_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (CxFindingItem, cx_finding_item, CX, FINDING_ITEM, GObject)

struct _CxFindingItem
{
  GObject    parent_instance;
  CxFinding *finding;
};

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

/* Rows added to the slice at a time: a few screens' worth */
#define SLICE_STEP 40

struct _CxFindingsPanel
{
  AdwBin              parent_instance;

  GListStore         *store;
  GtkFilterListModel *filtered;  /* what the persona shown lets through */
  GtkSliceListModel  *slice;
  GtkSingleSelection *selection;

  GtkStack           *stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;

  guint               grow_source;

  CxPlan             *plan;      /* for each finding's fix, and its step's persona */
  char               *persona;   /* nullable: every finding */
  GtkCustomFilter    *filter;
};

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
  if (item != NULL)
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
  g_clear_pointer (&self->persona, g_free);

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
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
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

/* A finding of a step outside the journey shown is left out */
static gboolean
in_journey (gpointer item,
            gpointer user_data)
{
  CxFindingsPanel *self = user_data;
  const CxFinding *finding = CX_FINDING_ITEM (item)->finding;
  GObject *step;
  const char *persona;

  if (self->persona == NULL || self->plan == NULL)
    return TRUE;
  /* Flagged at a persona (CX019): that persona's journey only */
  if (finding->target == CX_TARGET_PERSONA)
    return g_strcmp0 (finding->persona_id, self->persona) == 0;
  if (finding->step_id == NULL)
    return TRUE;

  step = cx_plan_lookup_id (self->plan, finding->step_id);
  if (!CX_IS_STEP (step))
    return TRUE;

  persona = cx_step_get_persona (CX_STEP (step));
  return persona == NULL || g_str_equal (persona, self->persona);
}

static void
cx_findings_panel_init (CxFindingsPanel *self)
{
  GtkEventController *keys;
  GtkListItemFactory *factory;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (CX_TYPE_FINDING_ITEM);
  self->filter = gtk_custom_filter_new (in_journey, self, NULL);
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

/**
 * cx_findings_panel_set_findings:
 * @self: a #CxFindingsPanel
 * @findings: (nullable) (element-type CxFinding): the findings to list
 */
static GPtrArray *
new_items (GPtrArray *findings,
           guint      from,
           guint      to)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = from; i < to; i++)
    {
      CxFindingItem *item = g_object_new (CX_TYPE_FINDING_ITEM, NULL);

      item->finding = cx_finding_copy (g_ptr_array_index (findings, i));
      g_ptr_array_add (items, item);
    }

  return items;
}

/* Whether two findings show the same (a finding of a plan checked again
 * after an edit elsewhere) */
static gboolean
finding_same (const CxFinding *a,
              const CxFinding *b)
{
  return a->check == b->check && a->severity == b->severity && a->target == b->target &&
         a->phase == b->phase && a->index == b->index && a->line == b->line &&
         g_strcmp0 (a->step_id, b->step_id) == 0 &&
         g_strcmp0 (a->failure_id, b->failure_id) == 0 &&
         g_strcmp0 (a->message, b->message) == 0;
}

static void
show_list_or_none (CxFindingsPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "none");
}

static const CxFinding *
item_finding (CxFindingsPanel *self,
              guint            position)
{
  CxFindingItem *item = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  const CxFinding *finding = item->finding;

  /* The store holds it */
  g_object_unref (item);
  return finding;
}

/**
 * cx_findings_panel_set_findings:
 * @self: a #CxFindingsPanel
 * @findings: (nullable) (element-type CxFinding): the plan's findings
 *
 * Shows the findings of another plan, from the top.
 */
void
cx_findings_panel_set_findings (CxFindingsPanel *self,
                                GPtrArray       *findings)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n = findings != NULL ? findings->len : 0;

  g_return_if_fail (CX_IS_FINDINGS_PANEL (self));

  items = new_items (findings, 0, n);

  /* one change for the whole list, not one a finding; from the top */
  gtk_slice_list_model_set_size (self->slice, SLICE_STEP);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  show_list_or_none (self);
}

/**
 * cx_findings_panel_update_findings:
 * @self: a #CxFindingsPanel
 * @findings: (nullable) (element-type CxFinding): the same plan's
 *   findings, checked again after an edit
 *
 * Shows the findings of the plan checked again in place of the old ones:
 * only what changed between the findings they share at the start and
 * at the end is replaced, so the list keeps where it is scrolled to and
 * the finding chosen, and a long list costs only its changes.
 */
void
cx_findings_panel_update_findings (CxFindingsPanel *self,
                                   GPtrArray       *findings)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n_old, n_new, prefix = 0, suffix = 0;

  g_return_if_fail (CX_IS_FINDINGS_PANEL (self));

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  n_new = findings != NULL ? findings->len : 0;
  while (prefix < MIN (n_old, n_new) &&
         finding_same (item_finding (self, prefix), g_ptr_array_index (findings, prefix)))
    prefix++;
  while (suffix < MIN (n_old, n_new) - prefix &&
         finding_same (item_finding (self, n_old - 1 - suffix),
                       g_ptr_array_index (findings, n_new - 1 - suffix)))
    suffix++;

  if (prefix + suffix < n_old || n_old != n_new)
    {
      items = new_items (findings, prefix, n_new - suffix);
      g_list_store_splice (self->store, prefix, n_old - prefix - suffix,
                           items->pdata, items->len);
    }

  /* The edit may have moved a step into or out of the journey shown: only
   * what the filter now decides otherwise changes in the list */
  if (self->persona != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_list_or_none (self);
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

/**
 * cx_findings_panel_get_n_findings:
 * @self: a #CxFindingsPanel
 *
 * Returns: how many findings the list shows: those of the journey shown
 */
guint
cx_findings_panel_get_n_findings (CxFindingsPanel *self)
{
  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/**
 * cx_findings_panel_get_finding:
 * @self: a #CxFindingsPanel
 * @index: a row of the list
 *
 * Returns: (transfer none) (nullable): the finding the row shows
 */
const CxFinding *
cx_findings_panel_get_finding (CxFindingsPanel *self,
                               guint            index)
{
  g_autoptr(CxFindingItem) item = NULL;

  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), index);

  /* The store holds it */
  return item != NULL ? item->finding : NULL;
}

/**
 * cx_findings_panel_set_persona:
 * @self: a #CxFindingsPanel
 * @plan: (nullable): the plan whose findings are listed
 * @persona_id: (nullable): a persona of @plan, to list only the findings
 *   of its journey (its steps, every persona's steps, and what is not of
 *   a step); %NULL for every finding
 */
void
cx_findings_panel_set_persona (CxFindingsPanel *self,
                               CxPlan          *plan,
                               const char      *persona_id)
{
  g_return_if_fail (CX_IS_FINDINGS_PANEL (self));
  g_return_if_fail (plan == NULL || CX_IS_PLAN (plan));

  g_set_object (&self->plan, plan);
  if (g_strcmp0 (self->persona, persona_id) == 0)
    return;

  g_free (self->persona);
  self->persona = g_strdup (persona_id);
  if (persona_id == NULL)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_list_or_none (self);
}

/**
 * cx_findings_panel_activate_index:
 * @self: a #CxFindingsPanel
 * @index: a row
 *
 * Selects and activates the row @index, as a click would.
 *
 * Returns: whether there is such a row
 */
gboolean
cx_findings_panel_activate_index (CxFindingsPanel *self,
                                  guint            index)
{
  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), FALSE);

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (self->filtered)))
    return FALSE;

  cx_findings_panel_show_at_least (self, index + 1);
  gtk_single_selection_set_selected (self->selection, index);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", index);
  on_activate (self, index, self->list_view);

  return TRUE;
}
