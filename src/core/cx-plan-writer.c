/* cx-plan-writer.c — writing .cxplan files in canonical form, atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Canonical form, as the format says: one element per line, two spaces of
 * indentation a level, attributes and children in the order the format
 * lists them, a final newline. The same plan always gives the same bytes.
 * Content in foreign namespaces goes back where it stood (see cx-extras.h).
 */

#define G_LOG_DOMAIN "cx-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>

#include "cx-format.h"
#include "cx-model-private.h"
#include "cx-plan-io.h"
#include "cx-plan-writer-private.h"

/* The depth of a step's element: cxplan > phases > phase > step */
#define STEP_DEPTH 3

typedef struct
{
  GString          *out;
  CxStepBytesFunc   step_bytes;   /* a step's element written before, or NULL */
  gpointer          user_data;
  GPtrArray        *chunks;       /* GBytes: the output, in parts; or NULL: all in out */
} Writer;

static void
indent (Writer *w,
        guint   depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append_len (w->out, "  ", 2);
}

/* Escapes for text, and in attributes also the quote and the white space
 * that attribute normalisation would otherwise turn into spaces. A CR is
 * always escaped: a parser would turn a bare one into LF. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_attribute)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '\r': entity = "&#13;"; break;
        case '"': entity = in_attribute ? "&quot;" : NULL; break;
        case '\n': entity = in_attribute ? "&#10;" : NULL; break;
        case '\t': entity = in_attribute ? "&#9;" : NULL; break;
        default: entity = NULL; break;
        }

      if (entity != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, entity);
          run = p + 1;
        }
    }

  g_string_append_len (out, run, p - run);
}

static void
open_tag (Writer     *w,
          guint       depth,
          const char *name)
{
  indent (w, depth);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, name);
}

static void
attr (Writer     *w,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;

  g_string_append_c (w->out, ' ');
  g_string_append (w->out, name);
  g_string_append (w->out, "=\"");
  append_escaped (w->out, value, TRUE);
  g_string_append_c (w->out, '"');
}

static void
attr_int (Writer     *w,
          const char *name,
          int         value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%d", value);
  attr (w, name, buffer);
}

static void
foreign_attrs (Writer         *w,
               const CxExtras *extras)
{
  cx_extras_write_attrs (extras, w->out);
}

/* The children of an element: known ones in order, with the foreign ones
 * put back before the known child they preceded. */
typedef struct
{
  Writer         *w;
  const CxExtras *extras;
  guint           depth;    /* of the children */
  guint           n_known;
  guint           next_run;
} Children;

static void
children_init (Children       *c,
               Writer         *w,
               const CxExtras *extras,
               guint           depth)
{
  c->w = w;
  c->extras = extras;
  c->depth = depth;
  c->n_known = 0;
  c->next_run = 0;
}

static void
children_flush (Children *c,
                guint     up_to)
{
  guint n_runs = cx_extras_get_n_runs (c->extras);

  while (c->next_run < n_runs && cx_extras_get_run_position (c->extras, c->next_run) <= up_to)
    {
      cx_extras_write_run (c->extras, c->next_run, c->depth, c->w->out);
      c->next_run++;
    }
}

/* Call before writing each known child */
static void
children_next (Children *c)
{
  children_flush (c, c->n_known);
  c->n_known++;
}

static void
children_end (Children *c)
{
  children_flush (c, G_MAXUINT);
}

static gboolean
has_foreign_children (const CxExtras *extras)
{
  return cx_extras_has_children (extras);
}

static gboolean
has_foreign (const CxExtras *extras)
{
  return !cx_extras_is_empty (extras);
}

/* <name attrs…>text</name>, or <name attrs…/> when there is no text */
static void
close_with_text (Writer     *w,
                 const char *name,
                 const char *text)
{
  if (text == NULL || *text == '\0')
    {
      g_string_append (w->out, "/>\n");
      return;
    }

  g_string_append_c (w->out, '>');
  append_escaped (w->out, text, FALSE);
  g_string_append (w->out, "</");
  g_string_append (w->out, name);
  g_string_append (w->out, ">\n");
}

static void
text_element (Writer         *w,
              Children       *c,
              const char     *name,
              const char     *text,
              const CxExtras *extras,
              gboolean        required)
{
  if (!required && (text == NULL || *text == '\0') && !has_foreign (extras))
    return;

  children_next (c);
  open_tag (w, c->depth, name);
  foreign_attrs (w, extras);
  close_with_text (w, name, text);
}

static void
end_tag (Writer     *w,
         guint       depth,
         const char *name)
{
  indent (w, depth);
  g_string_append (w->out, "</");
  g_string_append (w->out, name);
  g_string_append (w->out, ">\n");
}

/* ------------------------------------------------------------------ */

static void
write_failure (Writer    *w,
               guint      depth,
               CxFailure *failure)
{
  Children c;

  open_tag (w, depth, "failure");
  attr (w, "id", failure->id);
  attr_int (w, "severity", failure->severity);
  attr_int (w, "occurrence", failure->occurrence);
  attr_int (w, "detection", failure->detection);
  attr (w, "leads-to", failure->leads_to);
  foreign_attrs (w, failure->x_self);
  g_string_append (w->out, ">\n");

  children_init (&c, w, failure->x_self, depth + 1);
  text_element (w, &c, "mode", failure->mode, failure->x_mode, TRUE);
  text_element (w, &c, "effect", failure->effect, failure->x_effect, FALSE);
  children_end (&c);

  end_tag (w, depth, "failure");
}

static void
write_level (Writer         *w,
             Children       *c,
             const char     *name,
             int             level,
             const char     *text,
             const CxExtras *extras)
{
  if (level == 0)
    return;

  children_next (c);
  open_tag (w, c->depth, name);
  attr_int (w, "level", level);
  foreign_attrs (w, extras);
  close_with_text (w, name, text);
}

static void
write_step (Writer *w,
            guint   depth,
            CxStep *step)
{
  Children c;

  open_tag (w, depth, "step");
  attr (w, "id", step->id);
  if (step->channel != CX_CHANNEL_NONE)
    attr (w, "channel", cx_enum_to_nick (CX_TYPE_CHANNEL, step->channel));
  attr (w, "owner", step->owner);
  attr (w, "persona", step->persona);
  if (step->evidence != CX_EVIDENCE_NONE)
    attr (w, "evidence", cx_enum_to_nick (CX_TYPE_EVIDENCE, step->evidence));
  if (step->wow)
    attr (w, "wow", "true");
  if (step->moment_of_truth)
    attr (w, "moment-of-truth", "true");
  attr (w, "recovers", step->recovers);
  foreign_attrs (w, step->x_self);
  g_string_append (w->out, ">\n");

  children_init (&c, w, step->x_self, depth + 1);

  text_element (w, &c, "title", step->title, step->x_title, TRUE);
  write_level (w, &c, "expected", step->expected_level, step->expected_text, step->x_expected);
  write_level (w, &c, "delivered", step->delivered_level, step->delivered_text,
               step->x_delivered);

  if (step->has_emotion)
    {
      children_next (&c);
      open_tag (w, c.depth, "emotion");
      attr_int (w, "value", step->emotion);
      foreign_attrs (w, step->x_emotion);
      close_with_text (w, "emotion", step->emotion_text);
    }

  for (guint i = 0; i < step->cells->len; i++)
    {
      const CxCell *cell = g_ptr_array_index (step->cells, i);

      children_next (&c);
      open_tag (w, c.depth, "cell");
      attr (w, "lane", cell->lane);
      foreign_attrs (w, cell->extras);
      close_with_text (w, "cell", cell->text);
    }

  for (guint i = 0; i < step->failures->len; i++)
    {
      children_next (&c);
      write_failure (w, c.depth, g_ptr_array_index (step->failures, i));
    }

  for (guint i = 0; i < step->links->len; i++)
    {
      const CxLink *link = g_ptr_array_index (step->links, i);

      children_next (&c);
      open_tag (w, c.depth, "link");
      attr (w, "kind", cx_enum_to_nick (CX_TYPE_LINK_KIND, link->kind));
      attr (w, "step", link->step);
      foreign_attrs (w, link->extras);
      if (has_foreign_children (link->extras))
        {
          Children none;

          g_string_append (w->out, ">\n");
          children_init (&none, w, link->extras, c.depth + 1);
          children_end (&none);
          end_tag (w, c.depth, "link");
        }
      else
        g_string_append (w->out, "/>\n");
    }

  children_end (&c);
  end_tag (w, depth, "step");
}

/* An element whose children are elements: <name…/> when it has none */
static gboolean
open_container (Writer         *w,
                guint           depth,
                const char     *name,
                const CxExtras *extras,
                gboolean        has_children)
{
  open_tag (w, depth, name);
  foreign_attrs (w, extras);

  if (!has_children && !has_foreign_children (extras))
    {
      g_string_append (w->out, "/>\n");
      return FALSE;
    }

  g_string_append (w->out, ">\n");
  return TRUE;
}

static void
write_settings (Writer   *w,
                Children *parent,
                CxPlan   *plan)
{
  const CxExtras *extras = plan->extras[CX_PLAN_SLOT_SETTINGS];
  gboolean has_children = plan->thresholds->len + plan->disables->len + plan->accepts->len > 0;
  Children c;

  if (!has_children && !has_foreign (extras))
    return;

  children_next (parent);
  if (!open_container (w, parent->depth, "settings", extras, has_children))
    return;

  children_init (&c, w, extras, parent->depth + 1);
  for (guint i = 0; i < plan->thresholds->len; i++)
    {
      const CxThreshold *threshold = g_ptr_array_index (plan->thresholds, i);

      children_next (&c);
      open_tag (w, c.depth, "threshold");
      attr (w, "name", threshold->name);
      attr_int (w, "value", threshold->value);
      foreign_attrs (w, threshold->extras);
      g_string_append (w->out, "/>\n");
    }
  for (guint i = 0; i < plan->disables->len; i++)
    {
      const CxDisable *disable = g_ptr_array_index (plan->disables, i);

      children_next (&c);
      open_tag (w, c.depth, "disable");
      attr (w, "check", disable->check);
      foreign_attrs (w, disable->extras);
      g_string_append (w->out, "/>\n");
    }
  for (guint i = 0; i < plan->accepts->len; i++)
    {
      const CxAccept *accept = g_ptr_array_index (plan->accepts, i);

      children_next (&c);
      open_tag (w, c.depth, "accept");
      attr (w, "check", accept->check);
      attr (w, "ref", accept->ref);
      if (accept->phase != CX_ACCEPT_NO_PHASE)
        attr (w, "phase", cx_enum_to_nick (CX_TYPE_PHASE, accept->phase));
      foreign_attrs (w, accept->extras);
      close_with_text (w, "accept", accept->reason);
    }
  children_end (&c);

  end_tag (w, parent->depth, "settings");
}

static void
write_personas (Writer   *w,
                Children *parent,
                CxPlan   *plan)
{
  const CxExtras *extras = plan->extras[CX_PLAN_SLOT_PERSONAS];
  Children c;

  if (plan->personas->len == 0 && !has_foreign (extras))
    return;

  children_next (parent);
  if (!open_container (w, parent->depth, "personas", extras, plan->personas->len > 0))
    return;

  children_init (&c, w, extras, parent->depth + 1);
  for (guint i = 0; i < plan->personas->len; i++)
    {
      CxPersona *persona = g_ptr_array_index (plan->personas, i);
      Children pc;

      children_next (&c);
      open_tag (w, c.depth, "persona");
      attr (w, "id", persona->id);
      if (persona->has_mood)
        attr_int (w, "mood", persona->mood);
      foreign_attrs (w, persona->x_self);
      g_string_append (w->out, ">\n");

      children_init (&pc, w, persona->x_self, c.depth + 1);
      text_element (w, &pc, "name", persona->name, persona->x_name, TRUE);
      text_element (w, &pc, "description", persona->description, persona->x_description, FALSE);
      children_end (&pc);

      end_tag (w, c.depth, "persona");
    }
  children_end (&c);

  end_tag (w, parent->depth, "personas");
}

static void
write_lanes (Writer   *w,
             Children *parent,
             CxPlan   *plan)
{
  const CxExtras *extras = plan->extras[CX_PLAN_SLOT_LANES];
  Children c;

  children_next (parent);
  if (!open_container (w, parent->depth, "lanes", extras, plan->lanes->len > 0))
    return;

  children_init (&c, w, extras, parent->depth + 1);
  for (guint i = 0; i < plan->lanes->len; i++)
    {
      CxLane *lane = g_ptr_array_index (plan->lanes, i);
      Children lc;

      children_next (&c);
      open_tag (w, c.depth, "lane");
      attr (w, "id", lane->id);
      attr (w, "kind", cx_enum_to_nick (CX_TYPE_LANE_KIND, lane->kind));
      foreign_attrs (w, lane->x_self);
      g_string_append (w->out, ">\n");

      children_init (&lc, w, lane->x_self, c.depth + 1);
      text_element (w, &lc, "name", lane->name, lane->x_name, TRUE);
      children_end (&lc);

      end_tag (w, c.depth, "lane");
    }
  children_end (&c);

  end_tag (w, parent->depth, "lanes");
}

/* What was written since the last chunk, as one */
static void
flush_chunk (Writer *w)
{
  if (w->out->len == 0)
    return;

  g_ptr_array_add (w->chunks, g_bytes_new (w->out->str, w->out->len));
  g_string_truncate (w->out, 0);
}

static void
write_phases (Writer   *w,
              Children *parent,
              CxPlan   *plan)
{
  const CxExtras *extras = plan->extras[CX_PLAN_SLOT_PHASES];
  Children c;

  children_next (parent);
  open_container (w, parent->depth, "phases", extras, TRUE);

  children_init (&c, w, extras, parent->depth + 1);
  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    {
      const CxExtras *phase_extras = plan->extras[CX_PLAN_SLOT_PHASE_BEFORE + phase];
      GPtrArray *steps = plan->steps[phase];
      Children sc;

      children_next (&c);
      open_tag (w, c.depth, "phase");
      attr (w, "kind", cx_enum_to_nick (CX_TYPE_PHASE, phase));
      foreign_attrs (w, phase_extras);
      if (steps->len == 0 && !has_foreign_children (phase_extras))
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append (w->out, ">\n");

      children_init (&sc, w, phase_extras, c.depth + 1);
      g_assert (sc.depth == STEP_DEPTH);
      for (guint i = 0; i < steps->len; i++)
        {
          CxStep *step = g_ptr_array_index (steps, i);
          GBytes *written = w->step_bytes != NULL ? w->step_bytes (step, w->user_data) : NULL;

          children_next (&sc);
          if (written == NULL)
            write_step (w, sc.depth, step);
          else if (w->chunks != NULL)
            {
              /* The element itself, not a copy of it */
              flush_chunk (w);
              g_ptr_array_add (w->chunks, g_bytes_ref (written));
            }
          else
            g_string_append_len (w->out, g_bytes_get_data (written, NULL),
                                 g_bytes_get_size (written));
        }
      children_end (&sc);

      end_tag (w, c.depth, "phase");
    }
  children_end (&c);

  end_tag (w, parent->depth, "phases");
}

/**
 * cx_plan_to_bytes:
 * @plan: a #CxPlan
 *
 * Writes @plan in the canonical form of the format, with the version it
 * was read as, raised from 1.0 to 1.1 when it holds anything that 1.1
 * adds (an accept, a threshold of 1.1); a new plan is 1.1.
 *
 * Returns: (transfer full): the bytes of the file
 */
GBytes *
_cx_plan_write (CxPlan          *plan,
                CxStepBytesFunc  step_bytes,
                gpointer         user_data,
                GPtrArray       *chunks)
{
  Writer w;
  Children c;
  gsize guess;
  const char *version;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  version = cx_plan_get_written_version (plan);

  guess = 4096;
  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    guess += plan->steps[phase]->len * 768;

  w.out = g_string_sized_new (chunks == NULL ? guess : 4096);
  w.step_bytes = step_bytes;
  w.user_data = user_data;
  w.chunks = chunks;

  g_string_append (w.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  open_tag (&w, 0, "cxplan");
  attr (&w, "xmlns", CX_NAMESPACE);
  /* As the file had them: a namespace name libxml2 took for a URI holds
   * no quote and no '<', and any '&' in it is the "&#38;" it stood for */
  for (guint i = 0; i < plan->ns_decls->len; i++)
    {
      const CxNsDecl *decl = g_ptr_array_index (plan->ns_decls, i);

      g_string_append_printf (w.out, " xmlns:%s=\"%s\"", decl->prefix, decl->uri);
    }
  attr (&w, "version", version);
  foreign_attrs (&w, plan->extras[CX_PLAN_SLOT_ROOT]);
  g_string_append (w.out, ">\n");

  children_init (&c, &w, plan->extras[CX_PLAN_SLOT_ROOT], 1);
  text_element (&w, &c, "title", plan->title, plan->extras[CX_PLAN_SLOT_TITLE], TRUE);
  text_element (&w, &c, "description", plan->description,
                plan->extras[CX_PLAN_SLOT_DESCRIPTION], FALSE);
  text_element (&w, &c, "author", plan->author, plan->extras[CX_PLAN_SLOT_AUTHOR], FALSE);
  text_element (&w, &c, "created", plan->created, plan->extras[CX_PLAN_SLOT_CREATED], FALSE);
  text_element (&w, &c, "modified", plan->modified, plan->extras[CX_PLAN_SLOT_MODIFIED], FALSE);
  write_settings (&w, &c, plan);
  write_personas (&w, &c, plan);
  write_lanes (&w, &c, plan);
  write_phases (&w, &c, plan);
  children_end (&c);

  g_string_append (w.out, "</cxplan>\n");

  if (chunks != NULL)
    {
      flush_chunk (&w);
      g_string_free (w.out, TRUE);
      return NULL;
    }

  return g_string_free_to_bytes (w.out);
}

/* What cx_plan_to_bytes() documents above is _cx_plan_write(), which
 * CxSlicedWriter also calls, with the steps it wrote before; with
 * @chunks, the bytes are appended there in parts (the steps' own among
 * them, shared) and NULL is returned */
GBytes *
cx_plan_to_bytes (CxPlan *plan)
{
  return _cx_plan_write (plan, NULL, NULL, NULL);
}

/**
 * _cx_plan_append_step:
 * @out: where to write
 * @step: a step of a plan
 *
 * Appends the element of @step as cx_plan_to_bytes() writes it, at its
 * depth in the file: what a CxStepBytesFunc gives back.
 */
void
_cx_plan_append_step (GString *out,
                      CxStep  *step)
{
  Writer w = { out, NULL, NULL, NULL };

  g_return_if_fail (CX_IS_STEP (step));

  write_step (&w, STEP_DEPTH, step);
}
