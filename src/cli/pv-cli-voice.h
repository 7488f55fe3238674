/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit status of the Operator Connect and numbers commands. */
enum
{
  PV_CLI_EXIT_OK = 0,
  /* The command line cannot be used: a bad option or value, checked
   * before anything is sent. */
  PV_CLI_EXIT_UNUSABLE = 2,
  /* The service refused: the tenant's state or the request forbids it
   * (numbers still assigned, operator already added…). */
  PV_CLI_EXIT_REFUSED = 3,
  /* The service could not be reached or failed. */
  PV_CLI_EXIT_SERVICE = 4,
};

int  pv_cli_operators (int argc, char **argv);
int  pv_cli_operator  (int argc, char **argv);
int  pv_cli_numbers   (int argc, char **argv);

/* Shared by the two files. */
void pv_cli_voice_print_error   (const char  *message);
int  pv_cli_voice_fail          (GError      *error);
void pv_cli_voice_describe      (GOptionContext *context,
                                 const char     *summary,
                                 const char * const *paragraphs,
                                 gsize           n_paragraphs);
gboolean pv_cli_voice_print_rows (const char * const *header,
                                  GPtrArray          *rows,
                                  gboolean            csv,
                                  GError            **error);

G_END_DECLS
