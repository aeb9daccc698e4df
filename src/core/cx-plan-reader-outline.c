/* cx-plan-reader-outline.c — the outline of the format, as rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which children each element may have, in which order, which are
 * required and which may repeat; and the checks of a child against them.
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-plan-reader-private.h"

/* ------------------------------------------------------------------ */
/* The outline                                                         */

static const ChildRule root_children[] = {
  { "title",       KIND_TITLE,       TRUE,  FALSE },
  { "description", KIND_DESCRIPTION, FALSE, FALSE },
  { "author",      KIND_AUTHOR,      FALSE, FALSE },
  { "created",     KIND_CREATED,     FALSE, FALSE },
  { "modified",    KIND_MODIFIED,    FALSE, FALSE },
  { "settings",    KIND_SETTINGS,    FALSE, FALSE },
  { "personas",    KIND_PERSONAS,    FALSE, FALSE },
  { "lanes",       KIND_LANES,       TRUE,  FALSE },
  { "phases",      KIND_PHASES,      TRUE,  FALSE },
  { NULL }
};

static const ChildRule settings_children[] = {
  { "threshold", KIND_THRESHOLD, FALSE, TRUE },
  { "disable",   KIND_DISABLE,   FALSE, TRUE },
  { "accept",    KIND_ACCEPT,    FALSE, TRUE },
  { NULL }
};

static const ChildRule personas_children[] = {
  { "persona", KIND_PERSONA, FALSE, TRUE },
  { NULL }
};

static const ChildRule persona_children[] = {
  { "name",        KIND_PERSONA_NAME,        TRUE,  FALSE },
  { "description", KIND_PERSONA_DESCRIPTION, FALSE, FALSE },
  { NULL }
};

static const ChildRule lanes_children[] = {
  { "lane", KIND_LANE, FALSE, TRUE },
  { NULL }
};

static const ChildRule lane_children[] = {
  { "name", KIND_LANE_NAME, TRUE, FALSE },
  { NULL }
};

static const ChildRule phases_children[] = {
  { "phase", KIND_PHASE, FALSE, TRUE },
  { NULL }
};

static const ChildRule phase_children[] = {
  { "step", KIND_STEP, FALSE, TRUE },
  { NULL }
};

static const ChildRule step_children[] = {
  { "title",     KIND_STEP_TITLE, TRUE,  FALSE },
  { "expected",  KIND_EXPECTED,   FALSE, FALSE },
  { "delivered", KIND_DELIVERED,  FALSE, FALSE },
  { "emotion",   KIND_EMOTION,    FALSE, FALSE },
  { "cell",      KIND_CELL,       FALSE, TRUE },
  { "failure",   KIND_FAILURE,    FALSE, TRUE },
  { "link",      KIND_LINK,       FALSE, TRUE },
  { NULL }
};

static const ChildRule failure_children[] = {
  { "mode",   KIND_MODE,   TRUE,  FALSE },
  { "effect", KIND_EFFECT, FALSE, FALSE },
  { NULL }
};

static const ChildRule no_children[] = {
  { NULL }
};

static const KindInfo kinds[N_KINDS] = {
  [KIND_ROOT]                = { "cxplan",      root_children,     FALSE },
  [KIND_TITLE]               = { "title",       NULL,              TRUE },
  [KIND_DESCRIPTION]         = { "description", NULL,              TRUE },
  [KIND_AUTHOR]              = { "author",      NULL,              TRUE },
  [KIND_CREATED]             = { "created",     NULL,              TRUE },
  [KIND_MODIFIED]            = { "modified",    NULL,              TRUE },
  [KIND_SETTINGS]            = { "settings",    settings_children, FALSE },
  [KIND_THRESHOLD]           = { "threshold",   no_children,       FALSE },
  [KIND_DISABLE]             = { "disable",     no_children,       FALSE },
  [KIND_ACCEPT]              = { "accept",      NULL,              TRUE },
  [KIND_PERSONAS]            = { "personas",    personas_children, FALSE },
  [KIND_PERSONA]             = { "persona",     persona_children,  FALSE },
  [KIND_PERSONA_NAME]        = { "name",        NULL,              TRUE },
  [KIND_PERSONA_DESCRIPTION] = { "description", NULL,              TRUE },
  [KIND_LANES]               = { "lanes",       lanes_children,    FALSE },
  [KIND_LANE]                = { "lane",        lane_children,     FALSE },
  [KIND_LANE_NAME]           = { "name",        NULL,              TRUE },
  [KIND_PHASES]              = { "phases",      phases_children,   FALSE },
  [KIND_PHASE]               = { "phase",       phase_children,    FALSE },
  [KIND_STEP]                = { "step",        step_children,     FALSE },
  [KIND_STEP_TITLE]          = { "title",       NULL,              TRUE },
  [KIND_EXPECTED]            = { "expected",    NULL,              TRUE },
  [KIND_DELIVERED]           = { "delivered",   NULL,              TRUE },
  [KIND_EMOTION]             = { "emotion",     NULL,              TRUE },
  [KIND_CELL]                = { "cell",        NULL,              TRUE },
  [KIND_FAILURE]             = { "failure",     failure_children,  FALSE },
  [KIND_MODE]                = { "mode",        NULL,              TRUE },
  [KIND_EFFECT]              = { "effect",      NULL,              TRUE },
  [KIND_LINK]                = { "link",        no_children,       FALSE },
  [KIND_FOREIGN]             = { NULL,          NULL,              FALSE },
};

const KindInfo *
kind_info (Kind kind)
{
  g_assert (kind > KIND_NONE && kind < N_KINDS);

  return &kinds[kind];
}

/* A known child may come here: in its place, not twice unless it may
 * repeat, and after every required child before it. */
gboolean
take_child_rule (Reader          *r,
                 Frame           *parent,
                 const ChildRule *rules,
                 guint            index,
                 guint            line)
{
  const char *parent_name = kind_info (parent->kind)->name;
  const char *name = rules[index].name;

  if (index < parent->rule || (index == parent->rule && parent->rule_count > 0 &&
                               !rules[index].repeated))
    {
      if (index == parent->rule)
        reader_fail (r, CX_PLAN_ERROR_INVALID, line,
                     _("<%s> has a second <%s>: it may have only one"), parent_name, name);
      else
        reader_fail (r, CX_PLAN_ERROR_INVALID, line,
                     _("element <%s> is out of place in <%s>: it must come before <%s>"),
                     name, parent_name, rules[parent->rule].name);
      return FALSE;
    }

  for (guint i = parent->rule_count > 0 ? parent->rule + 1 : parent->rule; i < index; i++)
    {
      if (rules[i].required)
        {
          reader_fail (r, CX_PLAN_ERROR_INVALID, line,
                       _("<%s> is missing its <%s> (found <%s> in its place)"),
                       parent_name, rules[i].name, name);
          return FALSE;
        }
    }

  if (index != parent->rule)
    {
      parent->rule = index;
      parent->rule_count = 0;
    }
  parent->rule_count++;

  return TRUE;
}

/* At the end of an element: every required child came */
gboolean
check_required_children (Reader *r,
                         Frame  *frame)
{
  const ChildRule *rules = kind_info (frame->kind)->children;

  if (rules == NULL)
    return TRUE;

  for (guint i = frame->rule_count > 0 ? frame->rule + 1 : frame->rule; rules[i].name; i++)
    {
      if (rules[i].required)
        {
          reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line, _("<%s> is missing its <%s>"),
                       kind_info (frame->kind)->name, rules[i].name);
          return FALSE;
        }
    }

  return TRUE;
}

