/* cx-templates.c — new plans: blank, or from a bundled template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is a plan file of data/templates/, compiled in as a
 * GResource. A new plan made from one is the template read back, with
 * what makes it new: created now, of the version this program writes, no
 * line numbers (its elements come from no file the user has), the
 * lanes that carry a kind's default name given that name in the user's
 * language, and the template's own text (title, description, personas,
 * lanes, steps and their owners) translated as po/its marks it.
 */

#define G_LOG_DOMAIN "cx-templates"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cx-format.h"
#include "cx-model-private.h"
#include "cx-plan-io.h"
#include "cx-templates.h"
#include "cx-templates-resources.h"

#define TEMPLATE_PATH "/io/github/cxplan/Planner/templates/"

G_DEFINE_QUARK (cx-template-error-quark, cx_template_error)

/* A template's own text in the user's language: po/its tells xgettext
 * which of a template's texts are messages. Returns @text itself when the
 * catalogue has no translation of it. */
static const char *
template_text (const char *text)
{
  if (text == NULL || *text == '\0')
    return text;

  return g_dgettext (GETTEXT_PACKAGE, text);
}

/* @plan, read from a template, in the user's language */
static void
translate_template (CxPlan *plan)
{
  const char *text;

#define TRANSLATE(getter, setter, object)                 \
  G_STMT_START {                                          \
    text = template_text (getter (object));               \
    /* the same pointer when there is no translation */   \
    if (text != getter (object))                          \
      setter (object, text);                              \
  } G_STMT_END

  TRANSLATE (cx_plan_get_title, cx_plan_set_title, plan);
  TRANSLATE (cx_plan_get_description, cx_plan_set_description, plan);
  for (guint i = 0; i < cx_plan_get_n_personas (plan); i++)
    {
      CxPersona *persona = cx_plan_get_persona (plan, i);

      TRANSLATE (cx_persona_get_name, cx_persona_set_name, persona);
      TRANSLATE (cx_persona_get_description, cx_persona_set_description, persona);
    }
  for (guint i = 0; i < cx_plan_get_n_lanes (plan); i++)
    TRANSLATE (cx_lane_get_name, cx_lane_set_name, cx_plan_get_lane (plan, i));
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < cx_plan_get_n_steps (plan, phase); i++)
      {
        CxStep *step = cx_plan_get_step (plan, phase, i);

        TRANSLATE (cx_step_get_title, cx_step_set_title, step);
        TRANSLATE (cx_step_get_owner, cx_step_set_owner, step);
      }

#undef TRANSLATE
}

/* Registered on first use: a constructor in a static library would be
 * dropped by the linker, as nothing refers to it */
static void
ensure_registered (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      cx_templates_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* What the blank plan's lanes are called, untranslated as a template
 * file spells them, and what a lane added is called */
static const char *const default_names[] = {
  [CX_LANE_KIND_ACTIONS] = N_("Customer actions"),
  [CX_LANE_KIND_TOUCHPOINTS] = N_("Touchpoints"),
  [CX_LANE_KIND_FRONTSTAGE] = N_("Frontstage"),
  [CX_LANE_KIND_BACKSTAGE] = N_("Backstage"),
  [CX_LANE_KIND_SUPPORT] = N_("Support systems"),
  [CX_LANE_KIND_PAINS] = N_("Pain points"),
  [CX_LANE_KIND_IDEAS] = N_("Ideas"),
  [CX_LANE_KIND_NOTES] = N_("Notes"),
  [CX_LANE_KIND_EMOTION] = N_("Emotion"),
  [CX_LANE_KIND_EXPECTATION] = N_("Expected vs delivered"),
};

/**
 * cx_lane_kind_default_name:
 * @kind: a kind of lane
 *
 * The blank plan's lanes have these names (in English in the template,
 * translated when a plan is made from it), and so does a lane added.
 *
 * Returns: the name a new lane of @kind is given, translated
 */
const char *
cx_lane_kind_default_name (CxLaneKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (default_names), NULL);

  return _(default_names[kind]);
}

void
cx_template_free (CxTemplate *template_)
{
  if (template_ == NULL)
    return;

  g_free (template_->name);
  g_free (template_->title);
  g_free (template_->description);
  g_free (template_);
}

static CxPlan *
read_template (const char  *name,
               GError     **error)
{
  g_autofree char *resource = g_strconcat (TEMPLATE_PATH, name, CX_FILE_SUFFIX, NULL);
  g_autoptr(CxDiagnostic) refusal = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CxPlan *plan;

  ensure_registered ();
  bytes = g_resources_lookup_data (resource, 0, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, CX_TEMPLATE_ERROR, CX_TEMPLATE_ERROR_NOT_FOUND,
                   _("There is no template called “%s”"), name);
      return NULL;
    }

  plan = cx_plan_read_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 resource, NULL, &refusal, NULL, error);
  /* The templates are tested against the reader: a refusal is a bug */
  if (plan == NULL)
    g_critical ("The template %s is refused: %s", resource,
                refusal != NULL ? refusal->message : "");

  return plan;
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  const CxTemplate *ta = *(const CxTemplate *const *) a;
  const CxTemplate *tb = *(const CxTemplate *const *) b;

  /* The blank plan first */
  if (g_str_equal (ta->name, CX_TEMPLATE_BLANK) != g_str_equal (tb->name, CX_TEMPLATE_BLANK))
    return g_str_equal (ta->name, CX_TEMPLATE_BLANK) ? -1 : 1;

  return strcmp (ta->name, tb->name);
}

/**
 * cx_templates_list:
 *
 * Reads every bundled template for what a chooser shows of it.
 *
 * Returns: (transfer full) (element-type CxTemplate): the blank plan
 *   first, then the templates by name
 */
GPtrArray *
cx_templates_list (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) cx_template_free);
  g_auto(GStrv) names = NULL;

  ensure_registered ();
  names = g_resources_enumerate_children (TEMPLATE_PATH, 0, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(CxPlan) plan = NULL;
      CxTemplate *template_;

      if (!g_str_has_suffix (names[i], CX_FILE_SUFFIX))
        continue;

      name = g_strndup (names[i], strlen (names[i]) - strlen (CX_FILE_SUFFIX));
      plan = read_template (name, NULL);
      if (plan == NULL)
        continue;

      template_ = g_new0 (CxTemplate, 1);
      template_->name = g_steal_pointer (&name);
      template_->title = g_strdup (template_text (cx_plan_get_title (plan)));
      template_->description = g_strdup (template_text (cx_plan_get_description (plan)));
      for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
        template_->n_steps += cx_plan_get_n_steps (plan, phase);
      g_ptr_array_add (list, template_);
    }

  g_ptr_array_sort (list, compare_templates);

  return list;
}

/* The elements of a new plan come from no file the user has: their
 * findings name no line */
static void
forget_lines (CxPlan *plan)
{
  plan->line = 0;
  memset (plan->phase_line, 0, sizeof plan->phase_line);

  for (guint i = 0; i < plan->personas->len; i++)
    ((CxPersona *) g_ptr_array_index (plan->personas, i))->line = 0;
  for (guint i = 0; i < plan->lanes->len; i++)
    ((CxLane *) g_ptr_array_index (plan->lanes, i))->line = 0;
  for (guint i = 0; i < plan->thresholds->len; i++)
    ((CxThreshold *) g_ptr_array_index (plan->thresholds, i))->line = 0;
  for (guint i = 0; i < plan->disables->len; i++)
    ((CxDisable *) g_ptr_array_index (plan->disables, i))->line = 0;

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      {
        CxStep *step = g_ptr_array_index (plan->steps[phase], i);

        step->line = 0;
        for (guint j = 0; j < step->cells->len; j++)
          ((CxCell *) g_ptr_array_index (step->cells, j))->line = 0;
        for (guint j = 0; j < step->links->len; j++)
          ((CxLink *) g_ptr_array_index (step->links, j))->line = 0;
        for (guint j = 0; j < step->failures->len; j++)
          ((CxFailure *) g_ptr_array_index (step->failures, j))->line = 0;
      }
}

/**
 * cx_template_new_plan:
 * @name: a template's name from cx_templates_list(), or
 *   %CX_TEMPLATE_BLANK
 * @now: (nullable): when the plan is made; %NULL for now
 *
 * A new plan from the template: created and modified @now (UTC), of the
 * format version this program writes, with its lanes of a kind's default
 * name in the user's language.
 *
 * Returns: (transfer full) (nullable): the new plan, or %NULL with
 *   %CX_TEMPLATE_ERROR_NOT_FOUND
 */
CxPlan *
cx_template_new_plan (const char  *name,
                      GDateTime   *now,
                      GError     **error)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;
  CxPlan *plan;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A name is a file in the templates' folder, never a path */
  if (strchr (name, '/') != NULL || *name == '\0')
    {
      g_set_error (error, CX_TEMPLATE_ERROR, CX_TEMPLATE_ERROR_NOT_FOUND,
                   _("There is no template called “%s”"), name);
      return NULL;
    }

  plan = read_template (name, error);
  if (plan == NULL)
    return NULL;

  utc = now != NULL ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  cx_plan_set_created (plan, stamp);
  cx_plan_set_modified (plan, stamp);

  g_free (plan->version);
  plan->version = g_strdup (CX_FORMAT_VERSION);
  forget_lines (plan);

  for (guint i = 0; i < cx_plan_get_n_lanes (plan); i++)
    {
      CxLane *lane = cx_plan_get_lane (plan, i);
      CxLaneKind kind = cx_lane_get_kind (lane);

      if ((guint) kind < G_N_ELEMENTS (default_names) &&
          g_strcmp0 (cx_lane_get_name (lane), default_names[kind]) == 0)
        cx_lane_set_name (lane, cx_lane_kind_default_name (kind));
    }
  translate_template (plan);

  return plan;
}
