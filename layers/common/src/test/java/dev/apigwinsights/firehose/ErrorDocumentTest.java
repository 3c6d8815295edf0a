package dev.apigwinsights.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorDocumentTest {

    private static List<ErrorDocument> readAll(String text) throws IOException {
        List<ErrorDocument> docs = new ArrayList<>();
        ErrorDocument.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), docs::add);
        return docs;
    }

    @Test
    void readsProcessingFailedAndConversionFailedSpellings() throws IOException {
        String processingFailed = "{\"attemptsMade\":4,\"arrivalTimestamp\":1584482582000,\"errorCode\":\"Lambda.ProcessingFailed\","
                + "\"errorMessage\":\"The Lambda function returned ProcessingFailed.\",\"attemptEndingTimestamp\":1584482658467,"
                + "\"rawData\":\"eyJhIjoxfQ==\",\"lambdaArn\":\"arn:aws:lambda:eu-west-1:123456789012:function:t:live\"}";
        String conversionFailed = "{\"attemptsMade\":1,\"arrivalTimestamp\":1,\"ErrorCode\":\"DataFormatConversion.MalformedData\","
                + "\"ErrorMessage\":\"bad\",\"attemptEndingTimestamp\":2,\"rawData\":\"eyJiIjoyfQ==\",\"sequenceNumber\":\"x\","
                + "\"dataCatalogTable\":{\"tableName\":\"access_logs\"}}";

        List<ErrorDocument> docs = readAll(processingFailed + "\n" + conversionFailed + conversionFailed);

        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).errorCode()).isEqualTo(ErrorDocument.PROCESSING_FAILED);
        assertThat(new String(docs.get(0).rawData(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(docs.get(0).lambdaArn()).endsWith(":live");
        assertThat(docs.get(1).errorCode()).isEqualTo("DataFormatConversion.MalformedData");
        assertThat(docs.get(2).errorMessage()).isEqualTo("bad");
        assertThat(new String(docs.get(2).rawData(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
    }

    @Test
    void writesALineThatReadsBackToTheSameDocument() throws IOException {
        byte[] raw = {0, 1, 2, (byte) 0xFF, '\n', '"'};
        ErrorDocument doc = new ErrorDocument(1, 10, ErrorDocument.PROCESSING_FAILED, "entry 2 of 3: no fields", 20, raw, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.writeLine(out);
        doc.writeLine(out);

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").hasLineCount(2).doesNotContain("lambdaArn");
        List<ErrorDocument> back = readAll(text);
        assertThat(back).hasSize(2);
        assertThat(back.get(1).rawData()).containsExactly(raw);
        assertThat(back.get(1).errorMessage()).isEqualTo("entry 2 of 3: no fields");
        assertThat(back.get(1).arrivalTimestamp()).isEqualTo(10);
    }

    @Test
    void rejectsAnythingThatIsNotAnErrorDocumentWithoutQuotingIt() {
        assertThatThrownBy(() -> readAll("{\"requestId\":\"secret-value\"}"))
                .isInstanceOf(ErrorDocument.MalformedErrorDocumentException.class)
                .hasMessageContaining("no rawData").hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> readAll("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> readAll("{\"rawData\":\"%%%\"}")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> readAll("{\"rawData\":\"eyJhIjoxfQ==\"} {\"secret-value")).hasMessageContaining("after 1 documents")
                .hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> readAll("{\"rawData\":\"eyJhIjoxfQ==\"} " + "{\"a\":".repeat(2_000)))
                .as("nested past Jackson's limit, which gives no line").isInstanceOf(ErrorDocument.MalformedErrorDocumentException.class)
                .hasMessageContaining("after 1 documents: Document nesting depth");
    }
}
