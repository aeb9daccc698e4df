/* cxplan-tool-private.h — what the commands of cxplan-tool share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cx-model.h"

G_BEGIN_DECLS

/* Exit status, as checks.md says */
#define EXIT_FINDINGS 1
#define EXIT_REFUSED  2
#define EXIT_USAGE    64

extern const char *program_name;

/* Prints "cxplan-tool: MESSAGE" and a hint to --help: returns EXIT_USAGE */
int      usage_error  (const char *format,
                       ...) G_GNUC_PRINTF (1, 2);

/* Reads a file given on the command line ("-": standard input), printing
 * its warnings (unless @quiet_warnings) and, on refusal, FILE:LINE: error */
CxPlan  *load_plan    (const char *path,
                       gboolean    quiet_warnings);

/* A JSON string, or null for %NULL */
void     json_string  (GString    *out,
                       const char *text);

/* @n in decimal */
void     append_uint  (GString    *out,
                       guint       n);

/* The commands */
int      cmd_check    (int    argc,
                       char **argv);
int      cmd_explain  (int    argc,
                       char **argv);

/* cxplan-tool-sarif.c: one SARIF 2.1.0 log of every file's findings */
typedef struct
{
  const char *path;       /* as given on the command line */
  GPtrArray  *findings;   /* CxFinding */
} CheckedFile;

char    *sarif_log    (const CheckedFile *files,
                       guint              n_files);

G_END_DECLS
