/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "provisio-core.h"
#include "pv-cli-enable.h"
#include "pv-cli-list.h"
#include "pv-cli-voice.h"

/* provisio-cli: the plans and engines of src/core without a window.
 * Each subcommand is one entry of the table below and parses its own
 * options, so that later ones (topology, export, enable) only add an
 * entry and a function. */

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_UNUSABLE = 2,
};

typedef struct
{
  const char *name;
  const char *summary;
  int (*run) (int argc, char **argv);
} Command;

static int run_sip (int argc, char **argv);
static int run_topology (int argc, char **argv);
static int run_export (int argc, char **argv);

static const Command commands[] = {
  { "sip", N_("Compute the SIP address of each user listed in a CSV file"), run_sip },
  { "topology", N_("List the pools and SIP domains of a topology exported with Get-CsTopology "
                   "-AsXml"), run_topology },
  { "export", N_("Convert a results XML file to XML, PowerShell or CSV"), run_export },
  { "enable", N_("Enable users for a pool on the service (by default, the sandbox tenant)"), pv_cli_enable },
  { "users", N_("List the people of the service’s directory, as a table or CSV"), pv_cli_list_users },
  { "pools", N_("List the service’s pools, as a table or CSV"), pv_cli_list_pools },
  { "domains", N_("List the service’s SIP domains, as a table or CSV"), pv_cli_list_domains },
  { "operators", N_("List the Operator Connect catalogue"), pv_cli_operators },
  { "operator", N_("Add, list, suspend, resume or remove the tenant’s operators, or change "
                   "their countries"), pv_cli_operator },
  { "numbers", N_("List, assign, unassign or release the tenant’s phone numbers"), pv_cli_numbers },
};

static void
print_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
}

static GBytes *
read_input (const char  *path,
            GError     **error)
{
  if (path == NULL || g_str_equal (path, "-"))
    {
      GByteArray *data = g_byte_array_new ();
      guint8 buffer[65536];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_byte_array_append (data, buffer, (guint) n);
      if (ferror (stdin))
        {
          g_byte_array_unref (data);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Cannot read standard input."));
          return NULL;
        }
      return g_byte_array_free_to_bytes (data);
    }
  else
    {
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;
      return g_bytes_new_take (contents, length);
    }
}

static const char *
input_name (const char *path)
{
  return path == NULL || g_str_equal (path, "-") ? _("standard input") : path;
}

/* One address a line; blank lines and lines starting with # are skipped,
 * so that the file can carry a comment saying where it came from. */
static gboolean
load_existing (PvSipEngine  *engine,
               const char   *path,
               GError      **error)
{
  g_autoptr(GBytes) bytes = read_input (path, error);
  g_auto(GStrv) lines = NULL;
  const char *data;
  gsize size;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";
  if (!g_utf8_validate_len (data, size, NULL))
    {
      const char *bad = NULL;
      guint line = 1;

      g_utf8_validate_len (data, size, &bad);
      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          line++;
      /* Translators: %s is a file name, %u a line number. */
      g_set_error (error, PV_CSV_ERROR, PV_CSV_ERROR_ENCODING,
                   _("%s, line %u: the text is not valid UTF-8; save the file as UTF-8 and try "
                     "again."), input_name (path), line);
      return FALSE;
    }

  {
    g_autofree char *text = g_strndup (data, size);
    lines = g_strsplit (text, "\n", -1);
  }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      pv_sip_engine_add_existing (engine, line);
    }

  return TRUE;
}

static int
run_sip (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) domains = NULL;
  g_autofree char *existing = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  g_autoptr(GBytes) input = NULL;
  g_autoptr(PvUserList) list = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (PvSipPerson));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(PvCsvWriter) writer = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  const char *path;
  const char *domain;
  int format = PV_SIP_FORMAT_EMAIL;
  int status = EXIT_OK;
  GListModel *users;
  static const char * const header[] = {
    "id", "sipAddress", "status", "message", "suggestion", NULL
  };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("How to build each address: email, upn, firstlast or sam (default: email)"),
      N_("FORMAT") },
    { "domain", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &domains,
      N_("A SIP domain of the deployment; repeat for several. The first one is used by "
         "firstlast and sam"), N_("DOMAIN") },
    { "existing", 'e', 0, G_OPTION_ARG_FILENAME, &existing,
      N_("A file of SIP addresses already in use, one a line"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  static const char * const paragraphs[] = {
    N_("Reads a CSV list of users and writes to standard output, as CSV, the SIP address each "
       "one would get, with every problem found."),
    N_("Input: UTF-8 CSV (RFC 4180), with or without a byte order mark, with a header row. "
       "Columns, in any order, unknown ones ignored: id, displayName, givenName, surname, mail, "
       "userPrincipalName, sAMAccountName. The id column and the columns the format needs are "
       "required. Without FILE, or with -, standard input is read."),
    N_("Output columns: id, sipAddress, status (ok, problem or duplicate), message, suggestion "
       "(a free address for a duplicate)."),
    N_("Formats: email uses the user’s e-mail address, upn the userPrincipalName, firstlast "
       "<first name>.<last name>@DOMAIN and sam <sAMAccountName>@DOMAIN. Names are "
       "transliterated to ASCII, apostrophes removed, spaces turned into hyphens, and other "
       "characters than letters, digits, . - _ removed. “&” and the other reserved characters "
       "= + $ , ; ? / are refused. An address is at most 454 characters, “sip:” included."),
    N_("Without --domain, email and upn accept any domain; with it, only the domains given."),
    N_("Exit status: 0 when every row is ok, 1 when some rows have a problem or a duplicate, 2 "
       "when the input cannot be used."),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    g_string_append_printf (description, "%s%s", i > 0 ? "\n\n" : "", _(paragraphs[i]));

  context = g_option_context_new (_("[FILE.csv|-]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(commands[0].summary));
  g_option_context_set_description (context, description->str);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (error->message);
      return EXIT_UNUSABLE;
    }

  if (format_name != NULL && !pv_enum_from_nick (PV_TYPE_SIP_FORMAT, format_name, &format))
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed after --format. */
        g_strdup_printf (_("Unknown format “%s”; use email, upn, firstlast or sam."), format_name);
      print_error (message);
      return EXIT_UNUSABLE;
    }

  if (files != NULL && g_strv_length (files) > 1)
    {
      print_error (_("Give one input file at most."));
      return EXIT_UNUSABLE;
    }
  path = files != NULL ? files[0] : NULL;

  for (guint i = 0; domains != NULL && domains[i] != NULL; i++)
    if (!pv_validate_fqdn (domains[i], &error))
      {
        g_autofree char *message =
          /* Translators: the first %s is a domain, the second the reason it is refused. */
          g_strdup_printf (_("The domain “%s” is not valid: %s"), domains[i], error->message);
        print_error (message);
        return EXIT_UNUSABLE;
      }

  domain = domains != NULL ? domains[0] : NULL;
  if (pv_sip_format_needs_domain (format) && domain == NULL)
    {
      print_error (_("This format needs the SIP domain: add --domain."));
      return EXIT_UNUSABLE;
    }

  pv_sip_engine_set_domains (engine, (const char * const *) domains);
  if (existing != NULL && !load_existing (engine, existing, &error))
    {
      print_error (error->message);
      return EXIT_UNUSABLE;
    }

  input = read_input (path, &error);
  if (input == NULL)
    {
      print_error (error->message);
      return EXIT_UNUSABLE;
    }

  list = pv_user_list_new_from_bytes (input, input_name (path),
                                      pv_user_list_required_for_format (format), &error);
  if (list == NULL)
    {
      print_error (error->message);
      return EXIT_UNUSABLE;
    }

  /* The people borrow their strings from the users of the list, which
   * outlives them. */
  users = pv_user_list_get_users (list);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (users, i);
      PvSipPerson person = {
        .id = pv_user_get_id (user),
        .display_name = pv_user_get_display_name (user),
        .given_name = pv_user_get_given_name (user),
        .surname = pv_user_get_surname (user),
        .mail = pv_user_get_mail (user),
        .user_principal_name = pv_user_get_user_principal_name (user),
        .sam_account_name = pv_user_get_on_premises_sam_account_name (user),
      };
      g_array_append_val (people, person);
    }

  results = pv_sip_engine_resolve (engine, format, domain,
                                   (const PvSipPerson *) people->data, people->len);

  out = g_unix_output_stream_new (1, FALSE);
  writer = pv_csv_writer_new (out);
  if (!pv_csv_writer_write_row (writer, header, &error))
    {
      print_error (error->message);
      return EXIT_UNUSABLE;
    }

  for (guint i = 0; i < results->len; i++)
    {
      const PvSipResult *r = g_ptr_array_index (results, i);
      const PvSipPerson *person = &g_array_index (people, PvSipPerson, i);
      g_autofree char *message = NULL;
      const char *fields[6];

      if (r->problem != NULL && r->hint != NULL)
        message = g_strconcat (r->problem->message, " ", r->hint, NULL);
      else if (r->problem != NULL)
        message = g_strdup (r->problem->message);

      fields[0] = person->id;
      fields[1] = r->address != NULL ? r->address : "";
      fields[2] = pv_enum_to_nick (PV_TYPE_SIP_STATUS, r->status);
      fields[3] = message != NULL ? message : "";
      fields[4] = r->suggestion != NULL ? r->suggestion : "";
      fields[5] = NULL;

      if (r->status != PV_SIP_STATUS_OK)
        status = EXIT_PROBLEMS;

      if (!pv_csv_writer_write_row (writer, fields, &error))
        {
          print_error (error->message);
          return EXIT_UNUSABLE;
        }
    }

  return status;
}

static void
describe (GOptionContext     *context,
          const char         *summary,
          const char * const *paragraphs,
          gsize               n_paragraphs)
{
  g_autoptr(GString) description = g_string_new (NULL);

  for (gsize i = 0; i < n_paragraphs; i++)
    g_string_append_printf (description, "%s%s", i > 0 ? "\n\n" : "", _(paragraphs[i]));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(summary));
  g_option_context_set_description (context, description->str);
}

/* Pads @text with spaces to @width characters, not bytes: names are
 * often accented. */
static void
append_cell (GString    *out,
             const char *text,
             glong       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = length; i < width; i++)
    g_string_append_c (out, ' ');
}

static int
run_topology (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PvTopology) topology = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *pools;
  GListModel *domains;
  guint n_pools;
  guint n_domains;
  guint n_targets = 0;
  glong width[3];
  const char *headings[4];
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  static const char * const paragraphs[] = {
    N_("Reads the XML that Get-CsTopology -AsXml writes and lists its Registrar pools (Standard "
       "Edition servers, Enterprise pools and Directors, with their site and machines) and its "
       "SIP domains. Directors are listed but users cannot be enabled on them."),
    N_("Files with a document type definition (DOCTYPE), larger than 64 MB, cut off or not in "
       "the topology namespace are refused."),
    N_("Exit status: 0 when the topology has a pool users can be enabled on and a SIP domain, 1 "
       "when it lacks either, 2 when the file cannot be used."),
  };

  context = g_option_context_new (_("FILE.xml"));
  describe (context, commands[1].summary, paragraphs, G_N_ELEMENTS (paragraphs));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (error->message);
      return EXIT_UNUSABLE;
    }
  if (files == NULL || g_strv_length (files) != 1)
    {
      print_error (_("Give one topology file."));
      return EXIT_UNUSABLE;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  topology = pv_topology_load (file, NULL, &error);
  if (topology == NULL)
    {
      print_error (error->message);
      return EXIT_UNUSABLE;
    }

  pools = pv_topology_get_pools (topology);
  domains = pv_topology_get_sip_domains (topology);
  n_pools = g_list_model_get_n_items (pools);
  n_domains = g_list_model_get_n_items (domains);

  /* Translators: column headings of the pool table of provisio-cli topology. */
  headings[0] = C_("pool table", "FQDN");
  headings[1] = C_("pool table", "Kind");
  headings[2] = C_("pool table", "Site");
  headings[3] = C_("pool table", "Machines");
  for (guint c = 0; c < 3; c++)
    width[c] = g_utf8_strlen (headings[c], -1);
  for (guint i = 0; i < n_pools; i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (pools, i);
      const char *site = pv_pool_get_site (pool) != NULL ? pv_pool_get_site (pool) : "";

      width[0] = MAX (width[0], g_utf8_strlen (pv_pool_get_fqdn (pool), -1));
      width[1] = MAX (width[1], g_utf8_strlen (pv_enum_get_label (PV_TYPE_POOL_KIND,
                                                                  pv_pool_get_kind (pool)), -1));
      width[2] = MAX (width[2], g_utf8_strlen (site, -1));
    }

  g_string_append_printf (out, "%s\n\n", _("Registrar pools"));
  for (guint c = 0; c < 3; c++)
    {
      append_cell (out, headings[c], width[c]);
      g_string_append (out, "  ");
    }
  g_string_append_printf (out, "%s\n", headings[3]);
  for (guint i = 0; i < n_pools; i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (pools, i);
      g_autofree char *machines = g_strjoinv (", ", (char **) pv_pool_get_machines (pool));

      append_cell (out, pv_pool_get_fqdn (pool), width[0]);
      g_string_append (out, "  ");
      append_cell (out, pv_enum_get_label (PV_TYPE_POOL_KIND, pv_pool_get_kind (pool)), width[1]);
      g_string_append (out, "  ");
      append_cell (out, pv_pool_get_site (pool) != NULL ? pv_pool_get_site (pool) : "",
                   width[2]);
      g_string_append_printf (out, "  %s\n", machines);
      n_targets += pv_pool_is_target (pool);
    }

  if (n_targets < n_pools)
    g_string_append_printf (out, "\n%s\n", _("Directors only authenticate and redirect: users "
                                              "cannot be enabled on them."));

  g_string_append_printf (out, "\n%s\n\n", _("SIP domains"));
  for (guint i = 0; i < n_domains; i++)
    {
      g_autoptr(PvSipDomain) domain = g_list_model_get_item (domains, i);

      if (pv_sip_domain_get_is_default (domain))
        /* Translators: %s is a SIP domain, the one used by default. */
        g_string_append_printf (out, _("%s (default)"), pv_sip_domain_get_name (domain));
      else
        g_string_append (out, pv_sip_domain_get_name (domain));
      g_string_append_c (out, '\n');
    }
  fputs (out->str, stdout);

  if (n_targets == 0)
    {
      print_error (_("The topology has only Directors: users cannot be enabled on any of its "
                     "pools."));
      return EXIT_PROBLEMS;
    }
  if (n_domains == 0)
    {
      print_error (_("The topology lists no SIP domain (InternalDomain); addresses in the "
                     "first name.last name and sAMAccountName formats cannot be built."));
      return EXIT_PROBLEMS;
    }
  return EXIT_OK;
}

static int
run_export (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(PvRunInfo) info = NULL;
  g_autoptr(GListModel) results = NULL;
  gboolean bom = FALSE;
  gboolean what_if = FALSE;
  int format = PV_EXPORT_FORMAT_XML;
  PvExportFlags flags = PV_EXPORT_FLAGS_NONE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format to write: xml, ps1 or csv (default: xml)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write; - for standard output"), N_("FILE") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("CSV: start with a UTF-8 byte order mark, for spreadsheets"), NULL },
    { "what-if", 0, 0, G_OPTION_ARG_NONE, &what_if,
      N_("PowerShell: add -WhatIf to every cmdlet, so that the script changes nothing"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  static const char * const paragraphs[] = {
    N_("Reads a results XML file written by Provisio (namespace urn:provisio:results:1) and "
       "writes the same run as XML, as a PowerShell script with the cmdlets that do the same "
       "work, or as CSV."),
    N_("PowerShell: every value is in single quotes, so that no name or address can run as a "
       "command. CSV: values that a spreadsheet would run as a formula, and phone numbers, start "
       "with an apostrophe."),
    N_("The output file is written whole or not at all: an export that fails leaves no part of "
       "a file behind."),
    N_("Exit status: 0 when the file is written, 1 when it cannot be written, 2 when the input "
       "cannot be used."),
  };

  context = g_option_context_new (_("RESULTS.xml"));
  describe (context, commands[2].summary, paragraphs, G_N_ELEMENTS (paragraphs));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (error->message);
      return EXIT_UNUSABLE;
    }

  if (format_name != NULL && !pv_enum_from_nick (PV_TYPE_EXPORT_FORMAT, format_name, &format))
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed after --format. */
        g_strdup_printf (_("Unknown format “%s”; use xml, ps1 or csv."), format_name);
      print_error (message);
      return EXIT_UNUSABLE;
    }
  if (output == NULL)
    {
      print_error (_("Say where to write with --output FILE."));
      return EXIT_UNUSABLE;
    }
  if (files == NULL || g_strv_length (files) != 1)
    {
      print_error (_("Give one results file."));
      return EXIT_UNUSABLE;
    }
  if (bom)
    flags |= PV_EXPORT_FLAGS_BOM;
  if (what_if)
    flags |= PV_EXPORT_FLAGS_WHAT_IF;

  input = g_file_new_for_commandline_arg (files[0]);
  if (!pv_results_xml_load (input, &info, &results, NULL, &error))
    {
      print_error (error->message);
      return EXIT_UNUSABLE;
    }

  if (g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);

      if (!pv_export_to_stream (format, flags, info, results, out, NULL, &error))
        {
          print_error (error->message);
          return EXIT_PROBLEMS;
        }
      return EXIT_OK;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

    if (!pv_export_to_file (format, flags, info, results, file, NULL, &error))
      {
        print_error (error->message);
        return EXIT_PROBLEMS;
      }
  }
  return EXIT_OK;
}

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *prgname = g_get_prgname ();

  g_string_append_printf (text, _("Usage: %s COMMAND [OPTION…]\n"), prgname);
  g_string_append_printf (text, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_c (text, '\n');
  /* Translators: %s is the program name. */
  g_string_append_printf (text, _("Run “%s COMMAND --help” for the options of a command.\n"),
                          prgname);
  g_string_append_printf (text, "%s\n", _("Exit status: 0 when everything is fine, 1 when some "
                                          "items have problems, 2 when the input cannot be "
                                          "used."));
  fputs (text->str, stream);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("PROVISIO_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* PROVISIO_LOCALEDIR lets an uninstalled build find its translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("provisio-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_UNUSABLE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("provisio-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* The subcommand sees itself as argv[0], so that its --help reads
         * “provisio-cli sip [OPTION…]”. */
        g_autofree char *prgname = g_strdup_printf ("provisio-cli %s", commands[i].name);
        int result;

        g_set_prgname (prgname);
        result = commands[i].run (argc - 1, argv + 1);
        return result;
      }

  {
    g_autofree char *message =
      /* Translators: %s is what the user typed as the command. */
      g_strdup_printf (_("Unknown command “%s”; run provisio-cli --help for the list."), argv[1]);
    print_error (message);
  }
  return EXIT_UNUSABLE;
}
