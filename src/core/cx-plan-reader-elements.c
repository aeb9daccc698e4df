/* cx-plan-reader-elements.c — the elements of the format, one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each known element's start tag sets up and its end tag completes:
 * attributes checked and stored, model objects made, text kept. The
 * order and number of elements is checked in cx-plan-reader.c.
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-check.h"
#include "cx-plan-reader-private.h"
#include "cx-validate.h"

#define CX_NAMESPACE_STEM "urn:cxplan:plan:"

/* ------------------------------------------------------------------ */
/* Elements                                                            */

/* A text element: foreign attributes and those in @names, then text */
static gboolean
begin_text (Reader             *r,
            Frame              *frame,
            const SaxAttrs     *attrs,
            char              **target,
            CxExtras          **extras,
            const char * const *names,
            Values             *values)
{
  frame->text = target;
  frame->extras = extras;
  g_string_truncate (r->text, 0);

  return read_attrs (r, frame, attrs, names, values);
}

static gboolean
start_threshold (Reader         *r,
                 Frame          *frame,
                 const SaxAttrs *attrs)
{
  static const char * const names[] = { "name", "value", NULL };
  Values v = { { NULL } };
  CxPlan *plan = r->plan;
  CxThreshold *threshold = g_new0 (CxThreshold, 1);
  const CxThresholdInfo *info;

  threshold->line = frame->line;
  g_ptr_array_add (plan->thresholds, threshold);
  frame->extras = &threshold->extras;

  if (!read_attrs (r, frame, attrs, names, &v) ||
      !require_attr (r, frame, "name", v.values[0]) ||
      !require_attr (r, frame, "value", v.values[1]))
    return FALSE;

  info = cx_threshold_info_lookup (v.values[0], NULL);
  if (info == NULL)
    {
      g_autofree char *known = cx_threshold_names ();

      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("unknown threshold '%s': the thresholds are %s"), v.values[0], known);
      return FALSE;
    }

  for (guint i = 0; i + 1 < plan->thresholds->len; i++)
    {
      const CxThreshold *other = g_ptr_array_index (plan->thresholds, i);

      if (strcmp (other->name, info->name) == 0)
        {
          reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                       _("threshold '%s' is set twice: first on line %u"),
                       info->name, other->line);
          return FALSE;
        }
    }

  threshold->name = g_strdup (info->name);
  return parse_int (r, frame, info->name, v.values[1], info->min, info->max, &threshold->value);
}

static gboolean
start_disable (Reader         *r,
               Frame          *frame,
               const SaxAttrs *attrs)
{
  static const char * const names[] = { "check", NULL };
  Values v = { { NULL } };
  CxDisable *disable = g_new0 (CxDisable, 1);

  disable->line = frame->line;
  g_ptr_array_add (r->plan->disables, disable);
  frame->extras = &disable->extras;

  if (!read_attrs (r, frame, attrs, names, &v) ||
      !require_attr (r, frame, "check", v.values[0]))
    return FALSE;

  if (!cx_validate_check_id_shape (v.values[0]))
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("'%s' is not a check id: check ids are like CX005"), v.values[0]);
      return FALSE;
    }

  disable->check = g_strdup (v.values[0]);
  if (!cx_check_lookup (disable->check, NULL))
    reader_warn (r, frame->line,
                 _("check %s is not known to this version; the setting is kept as it is"),
                 disable->check);

  return TRUE;
}

/* settings/accept (1.1): its attributes here, its reason at its end tag */
static gboolean
start_accept (Reader         *r,
              Frame          *frame,
              const SaxAttrs *attrs)
{
  static const char * const names[] = { "check", "ref", "phase", NULL };
  Values v = { { NULL } };
  CxAccept *accept = g_new0 (CxAccept, 1);

  accept->line = frame->line;
  accept->phase = CX_ACCEPT_NO_PHASE;
  g_ptr_array_add (r->plan->accepts, accept);
  frame->object = accept;

  if (!begin_text (r, frame, attrs, &accept->reason, &accept->extras, names, &v) ||
      !require_attr (r, frame, "check", v.values[0]))
    return FALSE;

  if (!cx_validate_check_id_shape (v.values[0]))
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("'%s' is not a check id: check ids are like CX005"), v.values[0]);
      return FALSE;
    }
  accept->check = g_strdup (v.values[0]);

  if (v.values[1] != NULL && v.values[2] != NULL)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("<accept> has both 'ref' and 'phase': it names either the element "
                     "flagged or the phase flagged"));
      return FALSE;
    }
  if (v.values[1] == NULL && v.values[2] == NULL)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("<accept> needs 'ref' (the step, failure or persona flagged) or "
                     "'phase' (the phase flagged)"));
      return FALSE;
    }
  if (v.values[1] != NULL && *v.values[1] == '\0')
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("<accept> has an empty 'ref': it names the step, failure or persona "
                     "whose finding is accepted"));
      return FALSE;
    }
  accept->ref = g_strdup (v.values[1]);

  if (v.values[2] != NULL &&
      !parse_enum (r, frame, "phase", v.values[2], CX_TYPE_PHASE, &accept->phase))
    return FALSE;

  if (!cx_check_lookup (accept->check, NULL))
    reader_warn (r, frame->line,
                 _("check %s is not known to this version; the accept is kept as it is"),
                 accept->check);

  return TRUE;
}

static gboolean
start_persona (Reader         *r,
               Frame          *frame,
               const SaxAttrs *attrs)
{
  static const char * const names[] = { "id", "mood", NULL };
  Values v = { { NULL } };
  CxPersona *persona = g_object_new (CX_TYPE_PERSONA, NULL);

  persona->line = frame->line;
  persona->plan = r->plan;
  g_ptr_array_add (r->plan->personas, persona);
  frame->object = persona;
  frame->extras = &persona->x_self;

  if (!read_attrs (r, frame, attrs, names, &v))
    return FALSE;

  persona->id = g_strdup (v.values[0]);
  if (!take_id (r, frame, persona->id, G_OBJECT (persona)))
    return FALSE;

  if (v.values[1] != NULL)
    {
      if (!parse_int (r, frame, "mood", v.values[1], CX_EMOTION_MIN, CX_EMOTION_MAX,
                      &persona->mood))
        return FALSE;
      persona->has_mood = TRUE;
    }

  return TRUE;
}

static gboolean
start_lane (Reader         *r,
            Frame          *frame,
            const SaxAttrs *attrs)
{
  static const char * const names[] = { "id", "kind", NULL };
  Values v = { { NULL } };
  CxLane *lane = g_object_new (CX_TYPE_LANE, NULL);
  guint *once = NULL;
  int kind;

  lane->line = frame->line;
  lane->plan = r->plan;
  g_ptr_array_add (r->plan->lanes, lane);
  frame->object = lane;
  frame->extras = &lane->x_self;

  if (!read_attrs (r, frame, attrs, names, &v))
    return FALSE;

  lane->id = g_strdup (v.values[0]);
  if (!take_id (r, frame, lane->id, G_OBJECT (lane)) ||
      !require_attr (r, frame, "kind", v.values[1]) ||
      !parse_enum (r, frame, "lane kind", v.values[1], CX_TYPE_LANE_KIND, &kind))
    return FALSE;
  lane->kind = kind;

  if (kind == CX_LANE_KIND_EMOTION)
    once = &r->emotion_lane_line;
  else if (kind == CX_LANE_KIND_EXPECTATION)
    once = &r->expectation_lane_line;

  if (once != NULL && *once != 0)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("a second lane of kind '%s': a plan has at most one, "
                     "and the first is on line %u"),
                   v.values[1], *once);
      return FALSE;
    }
  if (once != NULL)
    *once = frame->line;

  return TRUE;
}

static gboolean
start_phase (Reader         *r,
             Frame          *frame,
             const SaxAttrs *attrs)
{
  static const char * const names[] = { "kind", NULL };
  Values v = { { NULL } };
  CxPlan *plan = r->plan;
  CxPhase expected = MIN (r->phases_seen, CX_PHASE_RECOVERY);
  int kind;

  frame->extras = &plan->extras[CX_PLAN_SLOT_PHASE_BEFORE + expected];

  if (!read_attrs (r, frame, attrs, names, &v) ||
      !require_attr (r, frame, "kind", v.values[0]) ||
      !parse_enum (r, frame, "phase kind", v.values[0], CX_TYPE_PHASE, &kind))
    return FALSE;

  if ((guint) kind < r->phases_seen || r->phases_seen >= CX_N_PHASES)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("phase '%s' appears twice: each phase must appear exactly once"),
                   v.values[0]);
      return FALSE;
    }
  if ((CxPhase) kind != expected)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("phase '%s' is out of order or phase '%s' is missing: "
                     "the phases are before, during, after and recovery, in that order"),
                   v.values[0], cx_enum_to_nick (CX_TYPE_PHASE, expected));
      return FALSE;
    }

  plan->phase_line[kind] = frame->line;
  r->phases_seen++;
  frame->object = GUINT_TO_POINTER (kind);

  return TRUE;
}

static gboolean
start_step (Reader         *r,
            Frame          *frame,
            const SaxAttrs *attrs)
{
  static const char * const names[] = {
    "id", "channel", "owner", "persona", "evidence", "wow", "moment-of-truth", "recovers", NULL
  };
  Values v = { { NULL } };
  CxPhase phase = GPOINTER_TO_UINT (frame->object);
  CxStep *step = g_object_new (CX_TYPE_STEP, NULL);
  gboolean flag;
  int value;

  step->line = frame->line;
  step->phase = phase;
  step->plan = r->plan;
  g_ptr_array_add (r->plan->steps[phase], step);
  frame->object = step;
  frame->extras = &step->x_self;

  if (!read_attrs (r, frame, attrs, names, &v))
    return FALSE;

  step->id = g_strdup (v.values[0]);
  if (!take_id (r, frame, step->id, G_OBJECT (step)))
    return FALSE;

  if (v.values[1] != NULL)
    {
      if (!parse_enum (r, frame, "channel", v.values[1], CX_TYPE_CHANNEL, &value))
        return FALSE;
      step->channel = value;
    }
  step->owner = cx_text_dup (v.values[2]);
  /* references are kept as written; check CX008 says whether they resolve */
  step->persona = g_strdup (v.values[3]);
  if (v.values[4] != NULL)
    {
      if (!parse_enum (r, frame, "evidence", v.values[4], CX_TYPE_EVIDENCE, &value))
        return FALSE;
      step->evidence = value;
    }
  if (!parse_bool (r, frame, "wow", v.values[5], &flag))
    return FALSE;
  step->wow = flag;
  if (!parse_bool (r, frame, "moment-of-truth", v.values[6], &flag))
    return FALSE;
  step->moment_of_truth = flag;
  step->recovers = g_strdup (v.values[7]);

  return TRUE;
}

static gboolean
start_failure (Reader         *r,
               Frame          *frame,
               const SaxAttrs *attrs)
{
  static const char * const names[] = {
    "id", "severity", "occurrence", "detection", "leads-to", NULL
  };
  static const char * const score_names[] = { "severity", "occurrence", "detection" };
  Values v = { { NULL } };
  CxStep *step = frame->object;
  CxFailure *failure = g_object_new (CX_TYPE_FAILURE, NULL);
  int *scores[] = { &failure->severity, &failure->occurrence, &failure->detection };

  failure->line = frame->line;
  failure->step = step;
  g_ptr_array_add (step->failures, failure);
  frame->object = failure;
  frame->extras = &failure->x_self;

  if (!read_attrs (r, frame, attrs, names, &v))
    return FALSE;

  failure->id = g_strdup (v.values[0]);
  if (!take_id (r, frame, failure->id, G_OBJECT (failure)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      if (!require_attr (r, frame, score_names[i], v.values[i + 1]) ||
          !parse_int (r, frame, score_names[i], v.values[i + 1],
                      CX_SCORE_MIN, CX_SCORE_MAX, scores[i]))
        return FALSE;
    }
  failure->leads_to = g_strdup (v.values[4]);

  return TRUE;
}

static gboolean
start_level (Reader         *r,
             Frame          *frame,
             const SaxAttrs *attrs,
             int            *level,
             char          **text,
             CxExtras      **extras)
{
  static const char * const names[] = { "level", NULL };
  Values v = { { NULL } };

  return begin_text (r, frame, attrs, text, extras, names, &v) &&
         require_attr (r, frame, "level", v.values[0]) &&
         parse_int (r, frame, "level", v.values[0], CX_LEVEL_MIN, CX_LEVEL_MAX, level);
}

static gboolean
start_emotion (Reader         *r,
               Frame          *frame,
               const SaxAttrs *attrs)
{
  static const char * const names[] = { "value", NULL };
  Values v = { { NULL } };
  CxStep *step = frame->object;
  int value;

  if (!begin_text (r, frame, attrs, &step->emotion_text, &step->x_emotion, names, &v) ||
      !require_attr (r, frame, "value", v.values[0]) ||
      !parse_int (r, frame, "value", v.values[0], CX_EMOTION_MIN, CX_EMOTION_MAX, &value))
    return FALSE;

  step->emotion = value;
  step->has_emotion = TRUE;
  return TRUE;
}

static gboolean
start_cell (Reader         *r,
            Frame          *frame,
            const SaxAttrs *attrs)
{
  static const char * const names[] = { "lane", NULL };
  Values v = { { NULL } };
  CxStep *step = frame->object;
  CxCell *cell = g_new0 (CxCell, 1);

  cell->line = frame->line;
  g_ptr_array_add (step->cells, cell);

  if (!begin_text (r, frame, attrs, &cell->text, &cell->extras, names, &v) ||
      !require_attr (r, frame, "lane", v.values[0]))
    return FALSE;

  cell->lane = g_strdup (v.values[0]);
  return TRUE;
}

static gboolean
start_link (Reader         *r,
            Frame          *frame,
            const SaxAttrs *attrs)
{
  static const char * const names[] = { "kind", "step", NULL };
  Values v = { { NULL } };
  CxStep *step = frame->object;
  CxLink *link = g_new0 (CxLink, 1);
  int kind;

  link->line = frame->line;
  g_ptr_array_add (step->links, link);
  frame->extras = &link->extras;

  if (!read_attrs (r, frame, attrs, names, &v) ||
      !require_attr (r, frame, "kind", v.values[0]) ||
      !parse_enum (r, frame, "link kind", v.values[0], CX_TYPE_LINK_KIND, &kind) ||
      !require_attr (r, frame, "step", v.values[1]))
    return FALSE;

  link->kind = kind;
  link->step = g_strdup (v.values[1]);
  return TRUE;
}

/* An element with no attribute of its own: foreign ones only */
static gboolean
start_plain (Reader         *r,
             Frame          *frame,
             const SaxAttrs *attrs,
             CxExtras      **extras)
{
  Values v = { { NULL } };

  frame->extras = extras;
  return read_attrs (r, frame, attrs, NULL, &v);
}

gboolean
start_known_element (Reader         *r,
                     Frame          *frame,
                     const SaxAttrs *attrs)
{
  CxPlan *plan = r->plan;
  Values none = { { NULL } };

  switch (frame->kind)
    {
    case KIND_TITLE:
      return begin_text (r, frame, attrs, &plan->title, &plan->extras[CX_PLAN_SLOT_TITLE],
                         NULL, &none);
    case KIND_DESCRIPTION:
      return begin_text (r, frame, attrs, &plan->description,
                         &plan->extras[CX_PLAN_SLOT_DESCRIPTION], NULL, &none);
    case KIND_AUTHOR:
      return begin_text (r, frame, attrs, &plan->author, &plan->extras[CX_PLAN_SLOT_AUTHOR],
                         NULL, &none);
    case KIND_CREATED:
      return begin_text (r, frame, attrs, &plan->created, &plan->extras[CX_PLAN_SLOT_CREATED],
                         NULL, &none);
    case KIND_MODIFIED:
      return begin_text (r, frame, attrs, &plan->modified,
                         &plan->extras[CX_PLAN_SLOT_MODIFIED], NULL, &none);
    case KIND_SETTINGS:
      return start_plain (r, frame, attrs, &plan->extras[CX_PLAN_SLOT_SETTINGS]);
    case KIND_THRESHOLD:
      return start_threshold (r, frame, attrs);
    case KIND_DISABLE:
      return start_disable (r, frame, attrs);
    case KIND_ACCEPT:
      return start_accept (r, frame, attrs);
    case KIND_PERSONAS:
      return start_plain (r, frame, attrs, &plan->extras[CX_PLAN_SLOT_PERSONAS]);
    case KIND_PERSONA:
      return start_persona (r, frame, attrs);
    case KIND_PERSONA_NAME:
      return begin_text (r, frame, attrs, &CX_PERSONA (frame->object)->name,
                         &CX_PERSONA (frame->object)->x_name, NULL, &none);
    case KIND_PERSONA_DESCRIPTION:
      return begin_text (r, frame, attrs, &CX_PERSONA (frame->object)->description,
                         &CX_PERSONA (frame->object)->x_description, NULL, &none);
    case KIND_LANES:
      return start_plain (r, frame, attrs, &plan->extras[CX_PLAN_SLOT_LANES]);
    case KIND_LANE:
      return start_lane (r, frame, attrs);
    case KIND_LANE_NAME:
      return begin_text (r, frame, attrs, &CX_LANE (frame->object)->name,
                         &CX_LANE (frame->object)->x_name, NULL, &none);
    case KIND_PHASES:
      return start_plain (r, frame, attrs, &plan->extras[CX_PLAN_SLOT_PHASES]);
    case KIND_PHASE:
      return start_phase (r, frame, attrs);
    case KIND_STEP:
      return start_step (r, frame, attrs);
    case KIND_STEP_TITLE:
      return begin_text (r, frame, attrs, &CX_STEP (frame->object)->title,
                         &CX_STEP (frame->object)->x_title, NULL, &none);
    case KIND_EXPECTED:
      return start_level (r, frame, attrs, &CX_STEP (frame->object)->expected_level,
                          &CX_STEP (frame->object)->expected_text,
                          &CX_STEP (frame->object)->x_expected);
    case KIND_DELIVERED:
      return start_level (r, frame, attrs, &CX_STEP (frame->object)->delivered_level,
                          &CX_STEP (frame->object)->delivered_text,
                          &CX_STEP (frame->object)->x_delivered);
    case KIND_EMOTION:
      return start_emotion (r, frame, attrs);
    case KIND_CELL:
      return start_cell (r, frame, attrs);
    case KIND_FAILURE:
      return start_failure (r, frame, attrs);
    case KIND_MODE:
      return begin_text (r, frame, attrs, &CX_FAILURE (frame->object)->mode,
                         &CX_FAILURE (frame->object)->x_mode, NULL, &none);
    case KIND_EFFECT:
      return begin_text (r, frame, attrs, &CX_FAILURE (frame->object)->effect,
                         &CX_FAILURE (frame->object)->x_effect, NULL, &none);
    case KIND_LINK:
      return start_link (r, frame, attrs);
    case KIND_NONE:
    case KIND_ROOT:
    case KIND_FOREIGN:
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static gboolean
is_blank_text (const char *text)
{
  return text == NULL || text[strspn (text, " \t\r\n")] == '\0';
}

static gboolean
has_foreign (const CxExtras *extras)
{
  return !cx_extras_is_empty (extras);
}

/* Whether the writer writes an element back: an empty optional element
 * is not, unless it carries something foreign. This keeps the place of
 * foreign neighbours right on the round trip. */
gboolean
end_known_element (Reader   *r,
                   Frame    *frame,
                   gboolean *written)
{
  CxPlan *plan = r->plan;

  *written = TRUE;

  if (kind_info (frame->kind)->holds_text)
    {
      g_free (*frame->text);
      *frame->text = r->text->len > 0 ? g_strndup (r->text->str, r->text->len) : NULL;

      switch (frame->kind)
        {
        case KIND_ACCEPT:
          if (is_blank_text (*frame->text))
            {
              reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                           _("<accept> of %s has no reason: say why the finding is accepted"),
                           ((CxAccept *) frame->object)->check);
              return FALSE;
            }
          break;
        case KIND_CREATED:
        case KIND_MODIFIED:
          if (*frame->text != NULL && !cx_validate_date_time (*frame->text, NULL))
            {
              reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                           _("<%s> '%s' is not a date and time in UTC such as "
                             "2026-11-22T10:00:00Z"),
                           element_name (frame), *frame->text);
              return FALSE;
            }
          G_GNUC_FALLTHROUGH;
        case KIND_DESCRIPTION:
        case KIND_AUTHOR:
        case KIND_PERSONA_DESCRIPTION:
        case KIND_EFFECT:
          *written = *frame->text != NULL || cx_extras_has_attrs (*frame->extras);
          break;
        default:
          break;
        }
      return TRUE;
    }

  switch (frame->kind)
    {
    case KIND_SETTINGS:
      *written = plan->thresholds->len + plan->disables->len + plan->accepts->len > 0 ||
                 has_foreign (*frame->extras);
      break;

    case KIND_PERSONAS:
      *written = plan->personas->len > 0 || has_foreign (*frame->extras);
      break;

    case KIND_PHASES:
      if (r->phases_seen < CX_N_PHASES)
        {
          reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                       _("phase '%s' is missing: a plan has the phases before, during, after "
                         "and recovery, in that order"),
                       cx_enum_to_nick (CX_TYPE_PHASE, r->phases_seen));
          return FALSE;
        }
      break;

    default:
      break;
    }

  return TRUE;
}

/* The root: our element in our namespace, of a version we can read. The
 * version decides how unknown attributes are taken, so it comes first. */
gboolean
start_root (Reader         *r,
            const xmlChar  *localname,
            const xmlChar  *uri,
            const xmlChar **namespaces,
            int             n_namespaces,
            const SaxAttrs *attrs)
{
  static const char * const names[] = { "version", NULL };
  Values v = { { NULL } };
  Frame *frame = reader_top (r);
  const char *href = (const char *) uri;
  g_autofree char *version_copy = NULL;
  const char *version = NULL;
  guint64 major = 0, minor = 0;
  char *end = NULL;

  r->plan->line = frame->line;

  if (strcmp ((const char *) localname, "cxplan") != 0 || href == NULL ||
      !g_str_has_prefix (href, CX_NAMESPACE_STEM))
    {
      if (href != NULL)
        reader_fail (r, CX_PLAN_ERROR_NOT_A_PLAN, frame->line,
                     _("not a .cxplan plan: the root element is <%s> in the namespace '%s'"),
                     (const char *) localname, href);
      else
        reader_fail (r, CX_PLAN_ERROR_NOT_A_PLAN, frame->line,
                     _("not a .cxplan plan: the root element is <%s> with no namespace"),
                     (const char *) localname);
      return FALSE;
    }

  /* A later major version may have moved to urn:cxplan:plan:2 */
  if (strcmp (href, CX_NAMESPACE) != 0)
    {
      guint64 ns_major = 0;

      if (!g_ascii_string_to_unsigned (href + strlen (CX_NAMESPACE_STEM), 10, 2, G_MAXUINT32,
                                       &ns_major, NULL))
        {
          reader_fail (r, CX_PLAN_ERROR_NOT_A_PLAN, frame->line,
                       _("not a .cxplan plan: unknown namespace '%s'"), href);
          return FALSE;
        }
      {
        char shown[24];

        /* a format string of its own, which xgettext could not read with
         * G_GUINT64_FORMAT in the middle of it */
        g_snprintf (shown, sizeof shown, "%" G_GUINT64_FORMAT, ns_major);
        reader_fail (r, CX_PLAN_ERROR_NEWER_VERSION, frame->line,
                     /* Translators: %s is the file's format's major version, as in "2" */
                     _("made by a newer version of the program (format %s.0); "
                       "this version reads %d.x"),
                     shown, CX_FORMAT_MAJOR);
      }
      return FALSE;
    }

  for (int a = 0; a < attrs->n; a++)
    {
      if (attrs->raw[a * 5 + 2] == NULL && strcmp ((const char *) attrs->raw[a * 5], "version") == 0)
        {
          g_free (version_copy);
          version_copy = attr_value_dup (attrs->raw[a * 5 + 3], attrs->raw[a * 5 + 4]);
          version = version_copy;
        }
    }
  if (version == NULL)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("<cxplan> is missing its required attribute 'version'"));
      return FALSE;
    }

  if (!g_ascii_isdigit (version[0]) ||
      (major = g_ascii_strtoull (version, &end, 10), *end != '.') ||
      !g_ascii_isdigit (end[1]) ||
      (minor = g_ascii_strtoull (end + 1, &end, 10), *end != '\0') ||
      major > G_MAXUINT32 || minor > G_MAXUINT32)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("version '%s' is not a format version such as 1.0"), version);
      return FALSE;
    }

  if (major > CX_FORMAT_MAJOR)
    {
      reader_fail (r, CX_PLAN_ERROR_NEWER_VERSION, frame->line,
                   _("made by a newer version of the program (format %s); "
                     "this version reads %d.x"),
                   version, CX_FORMAT_MAJOR);
      return FALSE;
    }
  if (major < CX_FORMAT_MAJOR)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("format version %s does not exist; this version reads %d.x"),
                   version, CX_FORMAT_MAJOR);
      return FALSE;
    }

  r->newer_minor = minor > CX_FORMAT_MINOR;
  if (r->newer_minor)
    reader_warn (r, frame->line,
                 _("the plan was made in format %s, newer than this version's %s: "
                   "what this version does not know is kept as it is"),
                 version, CX_FORMAT_VERSION);

  g_free (r->plan->version);
  r->plan->version = g_steal_pointer (&version_copy);

  /* Foreign namespaces declared on the root stay declared there */
  for (int i = 0; i < n_namespaces; i++)
    {
      const char *prefix = (const char *) namespaces[i * 2];
      const char *ns_uri = (const char *) namespaces[i * 2 + 1];

      if (prefix == NULL || ns_uri == NULL || *ns_uri == '\0' || strcmp (ns_uri, CX_NAMESPACE) == 0)
        continue;
      if (plan_prefix_for (r, ns_uri, prefix) == NULL)
        return FALSE;
    }

  return read_attrs (r, frame, attrs, names, &v);
}
