package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

class CfnYamlTest {

    @Test
    void turnsShortFormTagsIntoTheirLongForm() {
        JsonNode root = CfnYaml.parse("""
                A: !Ref Bucket
                B: !GetAtt Function.SnapStartResponse.ApplyOn
                C: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}'
                D: !If [IsParquet, !Select [0, !Split [',', !Ref Names]], !Ref AWS::NoValue]
                E: !GetAtt [Role, Arn]
                F: !Sub
                  - '${X}-y'
                  - X: !Ref Name
                """);

        assertThat(root.get("A").toString()).isEqualTo("{\"Ref\":\"Bucket\"}");
        assertThat(root.get("B").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Function\",\"SnapStartResponse.ApplyOn\"]}");
        assertThat(root.get("C").path("Fn::Sub").asText()).isEqualTo("arn:${AWS::Partition}:s3:::${Bucket}");
        assertThat(root.get("D").toString()).isEqualTo(
                "{\"Fn::If\":[\"IsParquet\",{\"Fn::Select\":[0,{\"Fn::Split\":[\",\",{\"Ref\":\"Names\"}]}]},{\"Ref\":\"AWS::NoValue\"}]}");
        assertThat(root.get("E").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Role\",\"Arn\"]}");
        assertThat(root.get("F").toString()).isEqualTo("{\"Fn::Sub\":[\"${X}-y\",{\"X\":{\"Ref\":\"Name\"}}]}");
    }

    @Test
    void keepsUnquotedDatesAsStringsLikeCloudFormation() {
        assertThat(CfnYaml.parse("Version: 2012-10-17").get("Version").asText()).isEqualTo("2012-10-17");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> CfnYaml.parse("A: 1\nA: 2\n")).hasMessageContaining("duplicate key");
    }

    @Test
    void rejectsTagsCloudFormationDoesNotKnow() {
        assertThatThrownBy(() -> CfnYaml.parse("A: !Reference x\n")).hasMessageContaining("!Reference");
    }
}
