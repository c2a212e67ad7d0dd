package io.revlens.ingest;

import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.recognise.ExportOpener;
import io.revlens.ingest.recognise.OpenedExport;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real header sets (the public datasets' files, the layouts of docs in shared/ANCHORS.md: Salesforce object and
 * report exports, HubSpot, Pipedrive, QuickBooks, Xero, HR lists, order lines) and deliberately ambiguous ones,
 * each written as a real CSV with a few rows of the values such files hold, opened as ingest opens them. Each
 * is either loaded into the table whose meaning it has, listed as a known export no metric reads, or not
 * recognised: never loaded into a table whose meaning it lacks.
 */
class RecognitionCorpusIntegrationTests {

    /** What a file must become: a table (with the profile that reads it), "unused" or "not recognised". */
    record Case(String name, String header, List<String> rows, String kind, String profile) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String NOT_RECOGNISED = "unknown";

    static Stream<Case> corpus() {
        return Stream.of(
                // --- Salesforce object export (API names), as in shared/datasets/salesforce-object-export
                new Case("Salesforce Opportunity.csv",
                        "Id,IsDeleted,AccountId,Name,StageName,Amount,Probability,CloseDate,Type,LeadSource,IsClosed,IsWon,ForecastCategory,CampaignId,OwnerId,CreatedDate",
                        List.of("006A1,,001A1,Acme - Loans,Closed Won,1000,100,2023-06-17,,Web,1,1,Closed,,005U1,2024-01-22T16:14:25.000+0000",
                                "006A2,,001A2,Beta - Cards,Qualification,2000,10,2024-11-10,,,,,Pipeline,,005U1,2024-01-22T16:14:25.000+0000",
                                "006A3,,001A1,Acme - Cards,Closed Lost,500,0,2023-04-26,,,1,,Omitted,,005U1,2024-01-22T16:14:25.000+0000"),
                        "opportunities", "salesforce-opportunity"),
                new Case("Salesforce OpportunityHistory.csv (stage changes, not deals)",
                        "Id,OpportunityId,StageName,Amount,ExpectedRevenue,CloseDate,Probability,ForecastCategory,CreatedDate,CreatedById",
                        List.of("008H1,006A1,Qualification,1000,100,2023-06-17,10,Pipeline,2023-01-02T10:00:00.000+0000,005U1",
                                "008H2,006A1,Proposal/Quote,1000,500,2023-06-17,50,BestCase,2023-03-02T10:00:00.000+0000,005U1",
                                "008H3,006A1,Closed Won,1000,1000,2023-06-17,100,Closed,2023-06-17T10:00:00.000+0000,005U1"),
                        "stage_changes", "salesforce-opportunity-history"),
                new Case("Salesforce OpportunityFieldHistory.csv",
                        "Id,OpportunityId,Field,OldValue,NewValue,CreatedDate",
                        List.of("017F1,006A1,StageName,Qualification,Proposal/Quote,2023-03-02T10:00:00.000+0000"),
                        "stage_changes", "salesforce-opportunity-field-history"),
                new Case("Salesforce OpportunityLineItem.csv",
                        "Id,OpportunityId,PricebookEntryId,Product2Id,Quantity,UnitPrice,TotalPrice",
                        List.of("00k1,006A1,01u1,01t1,2,500,1000"), "unused", "salesforce-opportunity-line-item"),
                new Case("Salesforce Account.csv",
                        "Id,IsDeleted,Name,Type,ParentId,BillingState,BillingCountry,Industry,AnnualRevenue,NumberOfEmployees,OwnerId,CreatedDate",
                        List.of("001A1,,Acme,Customer,,WV,United States,Healthcare,4028720,468,005U1,2024-01-19T09:42:24.000+0000",
                                "001A2,,Beta,Prospect,,ID,United States,Finance,6759560,577,005U1,2024-01-19T09:42:24.000+0000"),
                        "accounts", "salesforce-account"),
                new Case("Salesforce User.csv (ANCHORS layout)",
                        "Id,Name,FirstName,LastName,Email,Title,Department,IsActive,UserRoleId,CreatedDate",
                        List.of("005U1,Dana Reyes,Dana,Reyes,dana@example.com,AE,Sales,1,00E1,2023-01-01T00:00:00.000+0000",
                                "005U2,Integration User,Integration,User,int@example.com,,,1,,2023-01-01T00:00:00.000+0000"),
                        "users", "salesforce-user"),
                new Case("Salesforce Lead.csv (Company holds an account id)",
                        "Id,IsDeleted,LastName,FirstName,Name,Title,Company,Email,LeadSource,Status,Industry,AnnualRevenue,NumberOfEmployees,OwnerId,IsConverted,ConvertedDate,ConvertedAccountId,ConvertedOpportunityId,CreatedDate",
                        List.of("00Q1,,Lee,William,William Lee,,001A1,w@example.com,Online Form,Qualified,,,,005U1,,,,,2024-01-22T20:36:47.000+0000",
                                "00Q2,,Ryan,Pat,Pat Ryan,,001A2,p@example.com,Cold Call,Converted,,,,005U1,1,2024-02-01,001A2,006A2,2024-01-22T20:36:47.000+0000"),
                        "leads", "salesforce-lead"),
                new Case("Salesforce Contact.csv",
                        "Id,IsDeleted,AccountId,LastName,FirstName,Name,Email,Title,Department,LeadSource,OwnerId,CreatedDate",
                        List.of("003C1,,001A1,Ryan,Patricia,Patricia Ryan,p@example.com,CFO,Finance,Web,005U1,2024-01-23T02:21:49.000+0000"),
                        "unused", "salesforce-contact"),
                new Case("Salesforce Campaign.csv",
                        "Id,IsDeleted,Name,ParentId,Type,Status,StartDate,EndDate,ExpectedRevenue,BudgetedCost,ActualCost,NumberSent,IsActive,NumberOfLeads,OwnerId,CreatedDate",
                        List.of("701C1,,Rewards June,,social media,Completed,2023-06-15,2023-06-19,,,,0,,1,005U1,2024-01-23T02:35:01.000+0000"),
                        "unused", "salesforce-campaign"),
                new Case("Salesforce CampaignMember.csv",
                        "Id,IsDeleted,CampaignId,LeadId,ContactId,Status,HasResponded,CreatedDate,Name,LeadSource",
                        List.of("00v1,,701C1,00Q1,,Sent,,2024-01-23T02:46:47.000+0000,Judith Diaz,Cold Call"),
                        "unused", "salesforce-campaign-member"),
                new Case("Salesforce Task.csv",
                        "Id,WhoId,WhatId,Subject,ActivityDate,Status,Type,TaskSubtype,OwnerId,CreatedDate",
                        List.of("00T1,003C1,006A1,Call,2024-01-05,Completed,Call,Call,005U1,2024-01-05T10:00:00.000+0000"),
                        "activities", "salesforce-task"),
                new Case("Salesforce Event.csv",
                        "Id,WhoId,WhatId,Subject,ActivityDate,StartDateTime,EndDateTime,DurationInMinutes,OwnerId,CreatedDate",
                        List.of("00U1,003C1,006A1,Demo,2024-01-05,2024-01-05T10:00:00.000+0000,2024-01-05T11:00:00.000+0000,60,005U1,2024-01-01T10:00:00.000+0000"),
                        "activities", "salesforce-event"),
                new Case("Salesforce Case.csv",
                        "Id,CaseNumber,AccountId,ContactId,Status,Origin,Subject,Priority,CreatedDate",
                        List.of("500X1,00001001,001A1,003C1,New,Web,Login fails,High,2024-01-05T10:00:00.000+0000"),
                        "unused", "salesforce-case"),
                // --- Salesforce reports
                new Case("Salesforce opportunity report",
                        "Opportunity Owner,Account Name,Opportunity Name,Stage,Forecast Category,Total Amount Currency,Total Amount,Close Date,Type",
                        List.of("Dana Reyes,Acme,Acme HT-500,Closed Won,Closed,USD,12500,1/15/2026,New Business"),
                        "opportunities", "salesforce-opportunities"),
                new Case("Salesforce Opportunity History report",
                        "Opportunity ID,Opportunity Name,From Stage,To Stage,Stage Duration,Last Modified,Amount,Close Date,Stage,Created Date",
                        List.of("0061,Acme HT-500,Prospecting,Proposal,12,1/20/2026,12500,2/15/2026,Proposal,1/2/2026",
                                "0061,Acme HT-500,Proposal,Closed Won,20,2/15/2026,12500,2/15/2026,Closed Won,1/2/2026"),
                        "stage_changes", "salesforce-opportunity-history-report"),
                // --- HubSpot, Pipedrive, Xero (ANCHORS layouts)
                new Case("HubSpot deals",
                        "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Pipeline,Create Date",
                        List.of("1001,Acme HT-500,closedwon,2026-01-15 10:00,Dana Reyes,12500,Sales Pipeline,2026-01-05 09:00"),
                        "opportunities", "hubspot-deals"),
                new Case("HubSpot contacts with lifecycle dates",
                        "Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage,Lead Status,Original Source,Create Date,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date,Contact owner",
                        List.of("51,Ann,Lee,ann@example.com,Acme,customer,,Organic Search,2026-01-02 10:00,2026-01-02 10:00,2026-01-10 10:00,2026-01-20 10:00,2026-02-01 10:00,2026-03-01 10:00,Dana Reyes",
                                "52,Bo,Ng,bo@example.com,Beta,lead,New,Paid Search,2026-01-03 10:00,2026-01-03 10:00,,,,,Dana Reyes"),
                        "leads", "hubspot-contacts"),
                new Case("HubSpot calls export",
                        "Record ID,Activity date,Activity assigned to,Call outcome,Call direction,Associated Contact,Associated Company,Associated Deal",
                        List.of("901,2026-01-05 10:00,Dana Reyes,Connected,Outbound,Ann Lee,Acme,Acme HT-500"),
                        "activities", "hubspot-calls"),
                new Case("HubSpot meetings export",
                        "Record ID,Activity date,Activity assigned to,Meeting outcome,Associated Contact,Associated Company,Associated Deal",
                        List.of("902,2026-01-06 10:00,Dana Reyes,Completed,Ann Lee,Acme,Acme HT-500"),
                        "activities", "hubspot-meetings"),
                new Case("Pipedrive deals",
                        "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency of Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Won time",
                        List.of("7,Acme HT-500,Dana Reyes,12500,USD,Acme,Negotiation,won,2026-01-05 09:00:00,2026-01-15 10:00:00"),
                        "opportunities", "pipedrive-deals"),
                new Case("Pipedrive organizations",
                        "Organization - ID,Organization - Name,Organization - Owner,Organization - Address,Organization - Number of employees",
                        List.of("11,Acme,Dana Reyes,Boston,120", "12,Beta,Lee Park,Oslo,40"),
                        "accounts", "pipedrive-organizations"),
                new Case("Pipedrive activities",
                        "Activity - Type,Activity - Subject,Activity - Due date,Activity - Done,Activity - Assigned to user,Activity - Deal,Activity - Organization",
                        List.of("call,Intro,2026-01-05,Done,Dana Reyes,Acme HT-500,Acme"),
                        "activities", "pipedrive-activities"),
                new Case("Xero invoices",
                        "ContactName,EmailAddress,InvoiceNumber,Reference,InvoiceDate,DueDate,Total,Description,Quantity,UnitAmount,LineAmount,Currency,Type",
                        List.of("Acme,a@example.com,INV-1,,15/01/2026,15/02/2026,1000,Widget,2,500,1000,GBP,Sales invoice"),
                        "revenue_lines", "xero-invoices"),
                // --- Olist (shared/datasets/olist-marketing-funnel)
                new Case("Olist closed deals (won only)",
                        "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type,lead_behaviour_profile,has_company,has_gtin,average_stock,business_type,declared_product_catalog_size,declared_monthly_revenue",
                        List.of("5420aad7,2c43fb51,a8387c01,4ef15afb,2018-02-26 19:58:54,pet,online_medium,cat,,,,reseller,,0",
                                "a555fb36,bbb7d7893,09285259,d3d1e91a,2018-05-08 20:17:59,car_accessories,industry,eagle,,,,reseller,,0"),
                        "opportunities", "olist-closed-deals"),
                new Case("Olist marketing-qualified leads",
                        "mql_id,first_contact_date,landing_page_id,origin",
                        List.of("dac32acd,2018-02-01,88740e65,social", "8c18d1de,2017-10-20,007f9098,paid_search"),
                        "leads", "olist-marketing-qualified-leads"),
                // --- HR employee lists (ANCHORS): the roster
                new Case("HR list (BambooHR-like)",
                        "Employee #,Employee Name,Job Title,Department,Division,Location,Hire Date,Termination Date,Employment Status,Reports To",
                        List.of("12,Dana Reyes,Account Executive,Sales,North America,Boston,2025-03-03,,Full-Time,Lee Chan",
                                "13,Sam Ortiz,Accountant,Finance,North America,Boston,2024-05-01,,Full-Time,Ann Wu"),
                        "reps", "hr-employees"),
                new Case("HR list with first and last names",
                        "Employee ID,First Name,Last Name,Title,Department,Start Date,Status",
                        List.of("E1,Dana,Reyes,Account Executive,Sales,2025-03-03,Active"),
                        "reps", "hr-employees"),
                new Case("HR dataset with underscores and DateofHire (Kaggle HRDataset layout)",
                        "Employee_Name,EmpID,Position,State,DateofHire,DateofTermination,TermReason,EmploymentStatus,Department,ManagerName,RecruitmentSource",
                        List.of("\"Adinolfi, Wilson  K\",10026,Production Technician I,MA,7/5/2011,,N/A-StillEmployed,Active,Production       ,Michael Albert,LinkedIn",
                                "\"Ait Sidi, Karthikeyan\",10084,Sr. DBA,MA,3/30/2015,6/16/2016,career change,Voluntarily Terminated,IT/IS,Simon Roup,Indeed",
                                "\"Akinkuolie, Sarah\",10196,Area Sales Manager,MA,7/5/2011,9/24/2012,hours,Voluntarily Terminated,Sales,Kissy Sullivan,LinkedIn"),
                        "reps", "hr-employees"),
                // --- Order lines (the Superstore-like sheet), Maven and UCI shapes by synonyms
                new Case("order lines (Order Date, Customer Name, Sales)",
                        "Row ID,Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,Country,City,State,Region,Product ID,Category,Product Name,Sales,Quantity,Discount,Profit",
                        List.of("1,CA-1,11/8/2016,11/11/2016,Second Class,CG-1,Claire Gute,Consumer,United States,Henderson,Kentucky,South,P-1,Furniture,Bookcase,261.96,2,0,41.91",
                                "2,CA-1,11/8/2016,11/11/2016,Second Class,CG-1,Claire Gute,Consumer,United States,Henderson,Kentucky,South,P-2,Furniture,Chair,731.94,3,0,219.58",
                                "3,CA-2,6/12/2016,6/16/2016,Second Class,DV-1,Darrin Van Huff,Corporate,United States,Los Angeles,California,West,P-3,Office Supplies,Labels,14.62,2,0,6.87",
                                "4,CA-3,10/11/2015,10/18/2015,Standard Class,SO-1,Sean O'Donnell,Consumer,United States,Fort Lauderdale,Florida,South,P-4,Furniture,Table,957.58,5,0.45,-383.03",
                                "5,CA-3,10/11/2015,10/18/2015,Standard Class,SO-1,Sean O'Donnell,Consumer,United States,Fort Lauderdale,Florida,South,P-5,Office Supplies,Storage,22.37,2,0.2,2.52",
                                "6,CA-4,6/9/2014,6/14/2014,Standard Class,BH-1,Brosina Hoffman,Consumer,United States,Los Angeles,California,West,P-6,Furniture,Furnishings,48.86,7,0,14.17"),
                        "revenue_lines", "generic-revenue-lines"),
                new Case("order lines with upper-case names (Kaggle sales_data_sample layout)",
                        "ORDERNUMBER,QUANTITYORDERED,PRICEEACH,ORDERLINENUMBER,SALES,ORDERDATE,STATUS,QTR_ID,MONTH_ID,YEAR_ID,PRODUCTLINE,MSRP,PRODUCTCODE,CUSTOMERNAME,PHONE,COUNTRY,DEALSIZE",
                        List.of("10107,30,95.7,2,2871,2/24/2003 0:00,Shipped,1,2,2003,Motorcycles,95,S10_1678,Land of Toys Inc.,2125557818,USA,Small",
                                "10121,34,81.35,5,2765.9,5/7/2003 0:00,Shipped,2,5,2003,Motorcycles,95,S10_1678,Reims Collectables,26.47.1555,France,Small",
                                "10134,41,94.74,2,3884.34,7/1/2003 0:00,Shipped,3,7,2003,Motorcycles,95,S10_1678,Lyon Souveniers,+33 1 46 62 7555,France,Medium",
                                "10145,45,83.26,6,3746.7,8/25/2003 0:00,Shipped,3,8,2003,Motorcycles,95,S10_1678,Toys4GrownUps.com,6265557265,USA,Medium",
                                "10159,49,100,14,5205.27,10/10/2003 0:00,Shipped,4,10,2003,Motorcycles,95,S10_1678,Land of Toys Inc.,2125557818,USA,Medium",
                                "10168,36,96.66,1,3479.76,10/28/2003 0:00,Shipped,4,10,2003,Motorcycles,95,S10_1678,Land of Toys Inc.,2125557818,USA,Medium"),
                        "revenue_lines", "generic-revenue-lines"),
                new Case("Maven sales_pipeline.csv",
                        "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
                        List.of("1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054",
                                "Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2016-10-25,2017-03-11,4514",
                                "EC4QE1BX,Darcel Schlecht,MG Special,Cancity,Lost,2016-10-25,2017-03-07,0"),
                        "opportunities", "generic-opportunities"),
                new Case("Maven sales_teams.csv",
                        "sales_agent,manager,regional_office",
                        List.of("Anna Snelling,Dustin Brinkmann,Central", "Cecily Lampkin,Dustin Brinkmann,Central"),
                        "reps", "generic-reps"),
                new Case("Maven products.csv (a catalogue: no table has its meaning)",
                        "product,series,sales_price",
                        List.of("GTX Basic,GTX,550", "GTX Pro,GTX,4821"), NOT_RECOGNISED, null),
                // --- Deliberately ambiguous or meaningless headers
                new Case("an id and a created date only (not leads)",
                        "Id,Name,CreatedDate",
                        List.of("a1,Alpha,2024-01-01", "a2,Beta,2024-01-02"), NOT_RECOGNISED, null),
                new Case("a name column only (neither accounts nor a roster)",
                        "Company,Notes",
                        List.of("Acme,call back", "Beta,renewal in May"), NOT_RECOGNISED, null),
                new Case("customer names repeating on order rows without an amount",
                        "Customer Name,Segment,Region,Country",
                        List.of("Acme,SMB,West,US", "Acme,SMB,West,US", "Acme,SMB,West,US", "Beta,SMB,East,US",
                                "Beta,SMB,East,US", "Beta,SMB,East,US"), NOT_RECOGNISED, null),
                new Case("a deals header whose ids repeat (a stage log)",
                        "Deal ID,Deal Stage,Amount,Close Date,Changed At",
                        List.of("D1,Discovery,100,2026-01-10,2026-01-01", "D1,Proposal,100,2026-01-10,2026-01-05",
                                "D1,Closed Won,100,2026-01-10,2026-01-10", "D2,Discovery,200,2026-02-10,2026-01-02",
                                "D2,Proposal,200,2026-02-10,2026-01-07", "D2,Closed Lost,200,2026-02-10,2026-02-10"),
                        NOT_RECOGNISED, null),
                new Case("sensor readings",
                        "timestamp,sensor,reading",
                        List.of("2026-01-01 10:00,t1,20.5"), NOT_RECOGNISED, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHeaderSetBecomesItsTableOrIsNotLoaded(Case c, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, c.header() + "\n" + String.join("\n", c.rows()) + "\n", StandardCharsets.UTF_8);

        try (OpenedExport opened = new ExportOpener(ProfileCatalog.builtIn()).open(file, null)) {
            String why = opened.message() + "\n" + (opened.recognition() == null ? ""
                    : String.join("\n", opened.recognition().lines()));
            assertThat(opened.kind()).as(why).isEqualTo(c.kind());
            assertThat(opened.profileName()).as(why).isEqualTo(c.profile());
            assertThat(opened.loadable()).as(why).isEqualTo(!c.kind().equals("unused") && !c.kind().equals(NOT_RECOGNISED));
            if (!opened.loadable()) {
                assertThat(opened.message()).as("the inventory says why and what to do").isNotBlank();
            }
            if (c.kind().equals(NOT_RECOGNISED)) {
                assertThat(opened.message()).contains("is not recognised as a known export").contains("--exclude");
            }
        }
    }
}
